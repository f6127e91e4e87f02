// The retention sweep: for each school and each record type with a period, removes the rows
// older than the period, a batch at a time, each batch in its own transaction (so devices'
// uploads never wait long for the write lock), and never a row its type's keep rule holds back:
// a flag under an open safeguarding case stays however old it is. Each sweep is recorded with
// what it removed.
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { HubDb } from '../database';
import { column, heldBack, inSchool, isOneOf, type Condition } from './record-sql';
import type { RecordType, RowKey } from './record-type';
import { clearField, removeRows, selectKeys, type Counts } from './remove-rows';
import { retentionDays, TIMED_TYPES } from './retention-settings';

const DAY_MS = 86_400_000;

/** Counts by record type, as the hub stores them in its logs. */
export const storedCounts = z
  .string()
  .transform((text) => z.record(z.string(), z.number()).parse(JSON.parse(text)));

export const DEFAULT_SWEEP_BATCH = 500;

export interface SweepOptions {
  /** The hub's clock. */
  now: () => Date;
  /** Rows per transaction. */
  batchSize?: number;
}

export interface SweepResult {
  schoolId: number;
  removed: Record<string, number>;
  batches: number;
}

/** The rows of `type` in the school past `cutoff`, that nothing holds back. */
function expired(
  type: RecordType & { retention: { kind: 'age' } },
  schoolId: number,
  cutoff: Date,
) {
  const { retention } = type;
  const parts: Condition[] = [
    inSchool(type, schoolId),
    sql<SqlBool>`${column(type, retention.column)} < ${cutoff.toISOString()}`,
    sql<SqlBool>`not ${heldBack(type)}`,
  ];
  if (retention.clears) parts.push(sql<SqlBool>`${column(type, retention.clears)} is not null`);
  return parts;
}

async function sweepType(
  db: HubDb,
  type: (typeof TIMED_TYPES)[number],
  where: Condition[],
  batchSize: number,
  counts: Counts,
): Promise<number> {
  let batches = 0;
  // Keys a row that stays still names: skipped, so the loop always moves on.
  const held: RowKey[] = [];
  for (;;) {
    const condition = sql.join(
      [...where, sql<SqlBool>`not ${isOneOf(type, type.key, held)}`],
      sql` and `,
    );
    const outcome = await db.transaction().execute(async (trx) => {
      const keys = await selectKeys(trx, type, sql<SqlBool>`${condition}`, batchSize);
      if (keys.length === 0) return { keys, kept: [] };
      const { clears } = type.retention;
      if (clears) {
        await clearField(trx, type, clears, keys, counts);
        return { keys, kept: [] };
      }
      return { keys, kept: await removeRows(trx, type, keys, counts) };
    });
    if (outcome.keys.length === 0) break;
    batches += 1;
    held.push(...outcome.kept);
    if (outcome.keys.length < batchSize) break;
  }
  return batches;
}

/** Sweeps one school and records the sweep. */
export async function sweepSchool(
  db: HubDb,
  schoolId: number,
  options: SweepOptions,
): Promise<SweepResult> {
  const startedAt = options.now();
  const batchSize = options.batchSize ?? DEFAULT_SWEEP_BATCH;
  const days = await retentionDays(db, schoolId);
  const counts: Counts = new Map();
  let batches = 0;
  for (const type of TIMED_TYPES) {
    const period = days.get(type.name) ?? type.retention.defaultDays;
    const cutoff = new Date(startedAt.getTime() - period * DAY_MS);
    batches += await sweepType(db, type, expired(type, schoolId, cutoff), batchSize, counts);
  }
  const removed = Object.fromEntries(counts);
  await db
    .insertInto('retention_sweeps')
    .values({
      school_id: schoolId,
      started_at: startedAt.toISOString(),
      finished_at: options.now().toISOString(),
      removed: JSON.stringify(removed),
      batches,
    })
    .execute();
  return { schoolId, removed, batches };
}

/** Sweeps every school on the hub. */
export async function sweepRetention(db: HubDb, options: SweepOptions): Promise<SweepResult[]> {
  const schools = await db.selectFrom('schools').select('id').orderBy('id').execute();
  const results: SweepResult[] = [];
  for (const school of schools) results.push(await sweepSchool(db, school.id, options));
  return results;
}

/** The school's most recent sweeps, newest first. */
export async function recentSweeps(db: HubDb, schoolId: number, limit = 10) {
  const rows = await db
    .selectFrom('retention_sweeps')
    .select(['id', 'started_at', 'finished_at', 'removed', 'batches'])
    .where('school_id', '=', schoolId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    removed: storedCounts.parse(row.removed),
    batches: row.batches,
  }));
}
