// Each school's retention periods: the registry's default unless the admin set another, within
// the bounds the registry gives (so a typo can't delete a year of flags tonight). Every change is
// in the change log, in the same transaction, with who made it and why.
import { z } from 'zod';
import { writeChangeLog } from '../change-log';
import type { HubDb } from '../database';
import { HubError } from '../errors';
import type { SessionUser } from '../hub-env';
import { reasonField } from '../list-fields';
import type { RecordType } from './record-type';
import { findRecordType, RECORD_TYPES } from './record-types';

/** The types with a period the admin can set. */
export const TIMED_TYPES = RECORD_TYPES.filter(
  (type): type is RecordType & { retention: { kind: 'age' } } => type.retention.kind === 'age',
);

/** Days each timed type is kept for in this school. */
export async function retentionDays(db: HubDb, schoolId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('retention_settings')
    .select(['record_type', 'days'])
    .where('school_id', '=', schoolId)
    .execute();
  const set = new Map(rows.map((row) => [row.record_type, row.days]));
  return new Map(
    TIMED_TYPES.map((type) => [type.name, set.get(type.name) ?? type.retention.defaultDays]),
  );
}

export const retentionBody = z.object({
  days: z.record(z.string(), z.unknown(), { error: 'expected {"record type": days}' }),
  reason: reasonField,
});

/** The body's periods, each checked against its type; 400 naming every bad one (up to five). */
export function checkPeriods(days: Record<string, unknown>): Map<RecordType, number> {
  const errors: string[] = [];
  const checked = new Map<RecordType, number>();
  const entries = Object.entries(days);
  if (entries.length === 0) errors.push('days: name at least one record type');
  for (const [name, value] of entries) {
    const type = findRecordType(name);
    if (!type) {
      errors.push(`days.${name}: there is no such record type`);
      continue;
    }
    const { retention } = type;
    if (retention.kind !== 'age') {
      errors.push(`days.${name}: has no period of its own (${retention.why})`);
      continue;
    }
    const { minDays, maxDays } = retention;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < minDays ||
      value > maxDays
    ) {
      errors.push(`days.${name}: expected a whole number of days from ${minDays} to ${maxDays}`);
      continue;
    }
    checked.set(type, value);
  }
  if (errors.length > 0) throw new HubError(400, errors.slice(0, 5).join('; '));
  return checked;
}

/** Stores the new periods and logs each one that changed; returns how many changed. */
export async function setRetention(
  db: HubDb,
  input: { user: SessionUser; periods: Map<RecordType, number>; reason: string; now: Date },
): Promise<number> {
  const { user, now } = input;
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const before = await retentionDays(trx, user.schoolId);
    let changed = 0;
    for (const [type, days] of input.periods) {
      const was = before.get(type.name);
      if (was === days) continue;
      await trx
        .insertInto('retention_settings')
        .values({
          school_id: user.schoolId,
          record_type: type.name,
          days,
          updated_by: user.id,
          updated_at: at,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['school_id', 'record_type'])
            .doUpdateSet({ days, updated_by: user.id, updated_at: at }),
        )
        .execute();
      await writeChangeLog(trx, {
        schoolId: user.schoolId,
        at: now,
        action: 'retention.changed',
        summary: `${type.label}: kept ${String(was)} days, now ${days} days`,
        classId: null,
        askedBy: user.name,
        approvedBy: user.name,
        reason: input.reason,
      });
      changed += 1;
    }
    return changed;
  });
}

/** Every record type as the admin reads it: what it is, how long it is kept, and why. */
export async function readRetention(db: HubDb, schoolId: number) {
  const days = await retentionDays(db, schoolId);
  return RECORD_TYPES.map((type) => {
    const { retention } = type;
    return retention.kind === 'age'
      ? {
          name: type.name,
          label: type.label,
          kind: retention.kind,
          days: days.get(type.name) ?? retention.defaultDays,
          defaultDays: retention.defaultDays,
          minDays: retention.minDays,
          maxDays: retention.maxDays,
          why: retention.why,
          keptWhile: type.keepUntil?.why ?? null,
        }
      : {
          name: type.name,
          label: type.label,
          kind: retention.kind,
          days: null,
          defaultDays: null,
          minDays: null,
          maxDays: null,
          why: retention.why,
          keptWhile: type.keepUntil?.why ?? null,
        };
  });
}

export type RetentionView = Awaited<ReturnType<typeof readRetention>>[number];
