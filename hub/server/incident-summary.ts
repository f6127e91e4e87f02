// Counts for governors: how many flags, why, where and how they stand, and which keywords were
// found, over a period. Anonymised: counts by reason, class, status and keyword only, never a
// pupil's or a member of staff's name, a page's address or title, or a note.
import { FLAG_REASONS, type FlagReason } from '../../shared/flag';
import type { HubDb } from './database';
import type { FlagStatus } from './schema';

const STATUSES: readonly FlagStatus[] = ['open', 'acknowledged', 'escalated', 'closed'];

/** By when the pupil pressed (or the keyword was found), by the device's clock. */
export interface IncidentRange {
  /** Inclusive. */
  from: Date | undefined;
  /** Exclusive. */
  to: Date | undefined;
}

export interface IncidentSummary {
  from: string | null;
  to: string | null;
  flags: {
    total: number;
    /** `none`: the pupil pressed Flag It and said no more. */
    byReason: Record<FlagReason | 'none', number>;
    byStatus: Record<FlagStatus, number>;
    /** By the class the pupil was in when they flagged; `class` null: on no roster. */
    byClass: { class: string | null; count: number }[];
  };
  keywordAlerts: { total: number; byKeyword: { keyword: string; count: number }[] };
}

const flagsIn = (db: HubDb, schoolId: number, range: IncidentRange) => {
  let query = db.selectFrom('flags').where('flags.school_id', '=', schoolId);
  if (range.from) query = query.where('flags.created_at', '>=', range.from.toISOString());
  if (range.to) query = query.where('flags.created_at', '<', range.to.toISOString());
  return query;
};

const alertsIn = (db: HubDb, schoolId: number, range: IncidentRange) => {
  let query = db.selectFrom('keyword_alerts').where('keyword_alerts.school_id', '=', schoolId);
  if (range.from) query = query.where('keyword_alerts.created_at', '>=', range.from.toISOString());
  if (range.to) query = query.where('keyword_alerts.created_at', '<', range.to.toISOString());
  return query;
};

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export async function incidentSummary(
  db: HubDb,
  schoolId: number,
  range: IncidentRange,
): Promise<IncidentSummary> {
  const [reasons, statuses, classes, keywords] = await Promise.all([
    flagsIn(db, schoolId, range)
      .select((eb) => ['flags.reason', eb.fn.countAll<number>().as('count')])
      .groupBy('flags.reason')
      .execute(),
    flagsIn(db, schoolId, range)
      .select((eb) => ['flags.status', eb.fn.countAll<number>().as('count')])
      .groupBy('flags.status')
      .execute(),
    flagsIn(db, schoolId, range)
      .leftJoin('classes', 'classes.id', 'flags.class_id')
      .select((eb) => ['classes.name', eb.fn.countAll<number>().as('count')])
      .groupBy(['flags.class_id', 'classes.name'])
      .orderBy('classes.name')
      .execute(),
    alertsIn(db, schoolId, range)
      .select((eb) => ['keyword_alerts.keyword', eb.fn.countAll<number>().as('count')])
      .groupBy('keyword_alerts.keyword')
      .orderBy('count', 'desc')
      .orderBy('keyword_alerts.keyword')
      .execute(),
  ]);
  const byReason = zeroes([...FLAG_REASONS, 'none']);
  for (const row of reasons) byReason[row.reason ?? 'none'] += Number(row.count);
  const byStatus = zeroes(STATUSES);
  for (const row of statuses) byStatus[row.status] += Number(row.count);
  const byKeyword = keywords.map((row) => ({ keyword: row.keyword, count: Number(row.count) }));
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    flags: {
      total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
      byReason,
      byStatus,
      byClass: classes.map((row) => ({ class: row.name, count: Number(row.count) })),
    },
    keywordAlerts: {
      total: byKeyword.reduce((sum, row) => sum + row.count, 0),
      byKeyword,
    },
  };
}
