// Erasing a pupil: every record about them goes, through the record type registry, in one
// transaction, except what a keep rule holds (a flag under an open safeguarding case) and what
// that needs to still say whose it is (the device, its token made useless). The erasure is logged
// with who, when, why, what went and what stayed, naming the pupil only by the hub's id.
// Erasing again (once the DSL has closed the case) removes what was kept; when nothing is left,
// the answer says it was already erased. A dry run answers the same without changing anything,
// so the admin's confirm step states what will be kept.
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { HubDb } from '../database';
import { HubError } from '../errors';
import type { SessionUser } from '../hub-env';
import { aboutSubject, column, heldBack, isOneOf, type Subject } from '../retention/record-sql';
import type { RecordType, RowKey } from '../retention/record-type';
import { findRecordType, RECORD_TYPES } from '../retention/record-types';
import { addCount, removeRows, selectKeys, type Counts } from '../retention/remove-rows';
import { storedCounts } from '../retention/retention-sweep';
import { findPupil, NO_SUCH_PUPIL, subjectOf, type RosterPupil } from './subject';

export interface KeptRecord {
  type: string;
  key: RowKey;
  why: string;
}

const storedKept = z
  .string()
  .transform((text) =>
    z
      .array(
        z.object({ type: z.string(), key: z.union([z.string(), z.number()]), why: z.string() }),
      )
      .parse(JSON.parse(text)),
  );

const labelOf = (name: string) => findRecordType(name)?.label ?? name;

/** The types erasure goes through itself: a `with` type goes with its parent's rows. */
const ERASED = RECORD_TYPES.filter(
  (type): type is RecordType & { erasure: NonNullable<RecordType['erasure']> } =>
    type.pupil !== undefined && type.erasure !== undefined && type.retention.kind !== 'with',
);

async function eraseType(
  db: HubDb,
  type: (typeof ERASED)[number],
  subject: Subject,
  counts: Counts,
  kept: KeptRecord[],
) {
  const { erasure } = type;
  if (erasure.kind === 'keep') return;
  const about = aboutSubject(type, subject);
  const keys = await selectKeys(db, type, about);
  const holding = new Set(
    type.keepUntil ? await selectKeys(db, type, sql<SqlBool>`${about} and ${heldBack(type)}`) : [],
  );
  for (const key of holding) kept.push({ type: type.name, key, why: type.keepUntil?.why ?? '' });
  const gone = keys.filter((key) => !holding.has(key));
  if (erasure.kind === 'blank') {
    if (gone.length === 0) return;
    const result = await sql`update ${sql.table(type.table)} set ${sql.join(
      Object.entries(erasure.set).map(([name, value]) => sql`${sql.ref(name)} = ${value}`),
    )} where ${isOneOf(type, type.key, gone)}`.execute(db);
    addCount(counts, type.name, Number(result.numAffectedRows ?? 0n));
    return;
  }
  const held = await removeRows(db, type, gone, counts);
  for (const key of held) {
    if (erasure.whenHeld) {
      await sql`update ${sql.table(type.table)}
        set ${sql.ref(erasure.whenHeld.column)} = ${`revoked-${randomUUID()}`}
        where ${column(type, type.key)} = ${key}`.execute(db);
    }
    kept.push({
      type: type.name,
      key,
      why: erasure.whenHeld?.why ?? 'A kept record still names it.',
    });
  }
}

export interface ErasureView {
  id: number | null;
  pupilId: number;
  at: string;
  by: string;
  reason: string;
  removed: { type: string; label: string; count: number }[];
  kept: (KeptRecord & { label: string })[];
}

function toView(row: {
  id: number | null;
  pupilId: number;
  at: string;
  by: string;
  reason: string;
  removed: Record<string, number>;
  kept: KeptRecord[];
}): ErasureView {
  return {
    ...row,
    removed: Object.entries(row.removed).map(([type, count]) => ({
      type,
      label: labelOf(type),
      count,
    })),
    kept: row.kept.map((item) => ({ ...item, label: labelOf(item.type) })),
  };
}

const erasureRows = (db: HubDb, schoolId: number) =>
  db
    .selectFrom('erasures')
    .innerJoin('users', 'users.id', 'erasures.erased_by')
    .select([
      'erasures.id',
      'erasures.pupil_id',
      'erasures.at',
      'users.name',
      'erasures.reason',
      'erasures.removed',
      'erasures.kept',
    ])
    .where('erasures.school_id', '=', schoolId)
    .orderBy('erasures.id', 'desc');

type ErasureRow = Awaited<ReturnType<ReturnType<typeof erasureRows>['executeTakeFirstOrThrow']>>;

const fromRow = (row: ErasureRow) =>
  toView({
    id: row.id,
    pupilId: row.pupil_id,
    at: row.at,
    by: row.name,
    reason: row.reason,
    removed: storedCounts.parse(row.removed),
    kept: storedKept.parse(row.kept),
  });

export const MAX_ERASURES_LISTED = 200;

/** The school's erasure log, newest first. */
export async function listErasures(db: HubDb, schoolId: number): Promise<ErasureView[]> {
  return (await erasureRows(db, schoolId).limit(MAX_ERASURES_LISTED).execute()).map(fromRow);
}

export type ErasureOutcome =
  | { alreadyErased: false; pupil: RosterPupil | null; erasure: ErasureView }
  | { alreadyErased: true; pupil: null; erasure: ErasureView };

/** Thrown to roll a dry run back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly outcome: ErasureOutcome) {
    super('dry run');
  }
}

/** Who the erasure is about: the pupil on the roster, or one erased before (by what was kept). */
async function subjectFor(db: HubDb, schoolId: number, pupilId: number) {
  const pupil = await findPupil(db, schoolId, pupilId);
  if (pupil) return { pupil, subject: await subjectOf(db, schoolId, pupil), earlier: [] };
  const earlier = await erasureRows(db, schoolId)
    .where('erasures.pupil_id', '=', pupilId)
    .execute();
  if (earlier.length === 0) throw new HubError(404, NO_SUCH_PUPIL);
  const deviceIds = earlier.flatMap((row) =>
    storedKept
      .parse(row.kept)
      .flatMap((item) =>
        item.type === 'devices' && typeof item.key === 'number' ? [item.key] : [],
      ),
  );
  return { pupil: null, subject: { schoolId, pupilId, deviceIds }, earlier };
}

export async function erasePupil(
  db: HubDb,
  input: { user: SessionUser; pupilId: number; reason: string; now: Date; dryRun?: boolean },
): Promise<ErasureOutcome> {
  const { user, pupilId } = input;
  const at = input.now.toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const { pupil, subject, earlier } = await subjectFor(trx, user.schoolId, pupilId);
      const counts: Counts = new Map();
      const kept: KeptRecord[] = [];
      for (const type of ERASED) await eraseType(trx, type, subject, counts, kept);
      const latest = earlier[0];
      let outcome: ErasureOutcome;
      if (!pupil && counts.size === 0 && latest) {
        outcome = { alreadyErased: true, pupil: null, erasure: fromRow(latest) };
      } else {
        const removed = Object.fromEntries(counts);
        const id = input.dryRun
          ? null
          : (
              await trx
                .insertInto('erasures')
                .values({
                  school_id: user.schoolId,
                  pupil_id: pupilId,
                  erased_by: user.id,
                  at,
                  reason: input.reason,
                  removed: JSON.stringify(removed),
                  kept: JSON.stringify(kept),
                })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id;
        const view = { id, pupilId, at, by: user.name, reason: input.reason, removed, kept };
        outcome = { alreadyErased: false, pupil, erasure: toView(view) };
      }
      if (input.dryRun) throw new DryRun(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.outcome;
    throw error;
  }
}
