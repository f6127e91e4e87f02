// Counts for governors: how many flags, why, where and how they stand, which keywords were found,
// and every other record type the registry counts (requests and their answers, lessons, list
// changes), over a period. Anonymised: counts by reason, class, status, keyword and the like only,
// never a pupil's or a member of staff's name, a page's address or title, or a note.
import { FLAG_REASONS, type FlagReason } from '../../shared/flag';
import type { HubDb } from './database';
import { summariseRecords, type RecordSummary, type SummaryRange } from './record-summary';
import type { FlagStatus } from './schema';

const STATUSES: readonly FlagStatus[] = ['open', 'acknowledged', 'escalated', 'closed'];

/** By when the pupil pressed (or the keyword was found), by the device's clock. */
export type IncidentRange = SummaryRange;

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
  /** Every counted record type, flags and keyword alerts included, with words for each count. */
  records: RecordSummary[];
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** One breakdown of one record type, as [value, count] pairs. */
function countsOf(records: readonly RecordSummary[], type: string, column: string) {
  const summary = records.find((record) => record.type === type);
  const rows = summary?.breakdowns.find((breakdown) => breakdown.column === column)?.rows ?? [];
  return { total: summary?.total ?? 0, rows };
}

export async function incidentSummary(
  db: HubDb,
  schoolId: number,
  range: IncidentRange,
): Promise<IncidentSummary> {
  const records = await summariseRecords(db, schoolId, range);
  const reasons = countsOf(records, 'flags', 'reason');
  const byReason = zeroes([...FLAG_REASONS, 'none']);
  for (const row of reasons.rows) {
    const reason = (row.value ?? 'none') as FlagReason | 'none';
    if (reason in byReason) byReason[reason] += row.count;
  }
  const byStatus = zeroes(STATUSES);
  for (const row of countsOf(records, 'flags', 'status').rows) {
    const status = row.value as FlagStatus;
    if (status in byStatus) byStatus[status] += row.count;
  }
  const keywords = countsOf(records, 'keyword_alerts', 'keyword');
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    flags: {
      total: reasons.total,
      byReason,
      byStatus,
      byClass: countsOf(records, 'flags', 'class_id').rows.map((row) => ({
        class: row.value,
        count: row.count,
      })),
    },
    keywordAlerts: {
      total: keywords.total,
      byKeyword: keywords.rows.map((row) => ({ keyword: row.value ?? '', count: row.count })),
    },
    records,
  };
}
