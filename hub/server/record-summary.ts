// Anonymised counts of every record type the registry marks for the summary, over a period: a
// total and, for each breakdown, counts by a column's value (or by class name). Counts only: no
// row, name, address or note leaves here. A record type the hub starts keeping is counted as soon
// as its registry entry has a `summary`; nothing the hub does not record is shown at all.
import { sql, type SqlBool } from 'kysely';
import type { HubDb } from './database';
import { column, inSchool, type Condition } from './retention/record-sql';
import type { Breakdown, RecordType } from './retention/record-type';
import { RECORD_TYPES } from './retention/record-types';

/** By the record's own time (when the pupil pressed, asked, or the lesson started). */
export interface SummaryRange {
  /** Inclusive. */
  from: Date | undefined;
  /** Exclusive. */
  to: Date | undefined;
}

export interface CountRow {
  /** The column's value; for a class breakdown the class's name; null: none given / no class. */
  value: string | null;
  label: string;
  count: number;
}

export interface RecordSummary {
  type: string;
  label: string;
  total: number;
  breakdowns: { column: string; label: string; rows: CountRow[] }[];
  /** Counts shown on their own line, so they stand out (attempts to get round the filter). */
  highlights: { label: string; count: number }[];
}

const NO_CLASS = 'On no roster';

const SUMMARISED = RECORD_TYPES.filter(
  (type): type is RecordType & { summary: NonNullable<RecordType['summary']> } =>
    type.summary !== undefined && type.school !== undefined,
);

function within(type: (typeof SUMMARISED)[number], schoolId: number, range: SummaryRange) {
  const time = column(type, type.summary.time);
  const parts: Condition[] = [inSchool(type, schoolId)];
  if (range.from) parts.push(sql<SqlBool>`${time} >= ${range.from.toISOString()}`);
  if (range.to) parts.push(sql<SqlBool>`${time} < ${range.to.toISOString()}`);
  return sql.join(parts, sql` and `);
}

const byCountThenValue = (a: CountRow, b: CountRow) =>
  b.count - a.count || (a.value ?? '').localeCompare(b.value ?? '');

async function countBy(
  db: HubDb,
  type: (typeof SUMMARISED)[number],
  breakdown: Breakdown<string>,
  where: ReturnType<typeof within>,
): Promise<CountRow[]> {
  if (breakdown.byClassName) {
    const result = await sql<{ value: string | null; count: number }>`
      select ${sql.ref('classes.name')} as value, count(*) as count
      from ${sql.table(type.table)} left join ${sql.table('classes')}
        on ${sql.ref('classes.id')} = ${column(type, breakdown.column)}
      where ${where}
      group by ${column(type, breakdown.column)}, ${sql.ref('classes.name')}`.execute(db);
    return result.rows
      .map((row) => ({ value: row.value, label: row.value ?? NO_CLASS, count: Number(row.count) }))
      .sort((a, b) =>
        a.value === null ? -1 : b.value === null ? 1 : a.value.localeCompare(b.value),
      );
  }
  const result = await sql<{ value: string | number | null; count: number }>`
    select ${column(type, breakdown.column)} as value, count(*) as count
    from ${sql.table(type.table)} where ${where}
    group by ${column(type, breakdown.column)}`.execute(db);
  const counted = new Map(
    result.rows.map((row) => [row.value === null ? null : String(row.value), Number(row.count)]),
  );
  const listed = (breakdown.values ?? []).map((known) => ({
    value: known.value,
    label: known.label,
    count: counted.get(known.value) ?? 0,
  }));
  const listedValues = new Set(listed.map((row) => row.value));
  const others = [...counted]
    .filter(([value]) => !listedValues.has(value))
    .map(([value, count]) => ({ value, label: value ?? 'None given', count }))
    .sort(byCountThenValue);
  return [...listed, ...others];
}

export async function summariseRecords(
  db: HubDb,
  schoolId: number,
  range: SummaryRange,
): Promise<RecordSummary[]> {
  const summaries: RecordSummary[] = [];
  for (const type of SUMMARISED) {
    const where = within(type, schoolId, range);
    const total = await sql<{ count: number }>`select count(*) as count
      from ${sql.table(type.table)} where ${where}`.execute(db);
    const breakdowns = [];
    for (const breakdown of type.summary.breakdowns) {
      breakdowns.push({
        column: breakdown.column,
        label: breakdown.label,
        rows: await countBy(db, type, breakdown, where),
      });
    }
    const highlights = [];
    for (const highlight of type.summary.highlights ?? []) {
      const counted = await sql<{ count: number }>`select count(*) as count
        from ${sql.table(type.table)}
        where ${where} and ${column(type, highlight.column)} = ${highlight.value}`.execute(db);
      highlights.push({ label: highlight.label, count: Number(counted.rows[0]?.count ?? 0) });
    }
    summaries.push({
      type: type.name,
      label: type.label,
      total: Number(total.rows[0]?.count ?? 0),
      breakdowns,
      highlights,
    });
  }
  return summaries;
}
