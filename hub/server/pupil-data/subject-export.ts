// A subject-access export: everything the hub holds about one pupil, read through the record type
// registry, so a new table is in the export as soon as it has an entry. Ids of classes and staff
// are given as names (a parent reads it); a screenshot is described, never copied out, because
// only the DSL may open one. JSON as the hub holds it, or one CSV with a row per field.
import { sql } from 'kysely';
import { formatCsv } from '../csv-export';
import type { HubDb } from '../database';
import { aboutSubject, column, type Subject } from '../retention/record-sql';
import type { RecordType, RowKey } from '../retention/record-type';
import { findRecordType, RECORD_TYPES } from '../retention/record-types';
import type { RosterPupil } from './subject';

type Value = string | number | null;

export interface ExportSection {
  type: string;
  label: string;
  rows: Record<string, Value>[];
}

export interface SubjectExport {
  pupil: { id: number; name: string; email: string; class: string };
  exportedAt: string;
  /** Every record type that can be about a pupil, in the registry's order, empty ones included. */
  records: ExportSection[];
}

const EXPORTED = RECORD_TYPES.filter(
  (type): type is RecordType & { export: NonNullable<RecordType['export']> } =>
    type.pupil !== undefined && type.export !== undefined,
);

/** Names of the school's classes and staff, for ids the export shows as names. */
async function namesOf(db: HubDb, schoolId: number) {
  const [classes, users] = await Promise.all([
    db.selectFrom('classes').select(['id', 'name']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('users').select(['id', 'name']).where('school_id', '=', schoolId).execute(),
  ]);
  return {
    classes: new Map(classes.map((row) => [row.id, row.name])),
    users: new Map(users.map((row) => [row.id, row.name])),
  };
}

async function readSection(
  db: HubDb,
  type: (typeof EXPORTED)[number],
  subject: Subject,
  names: Awaited<ReturnType<typeof namesOf>>,
): Promise<ExportSection> {
  const { columns, describe = {}, names: named = {} } = type.export;
  const result = await sql<Record<string, Value>>`select ${sql.join(
    columns.map((name) => sql`${column(type, name)} as ${sql.ref(name)}`),
  )} from ${sql.table(type.table)} where ${aboutSubject(type, subject)}
    order by ${column(type, type.key)}`.execute(db);
  const rows = result.rows.map((row) => {
    const key = row[type.key] as RowKey;
    return Object.fromEntries(
      columns.map((name): [string, Value] => {
        const value = row[name] ?? null;
        const describeValue = describe[name];
        if (describeValue) return [name, value === null ? null : describeValue(key)];
        const table = named[name];
        if (table && typeof value === 'number') {
          return [name, names[table].get(value) ?? `no longer on the hub (${value})`];
        }
        return [name, value];
      }),
    );
  });
  return { type: type.name, label: type.label, rows };
}

export async function exportSubject(
  db: HubDb,
  pupil: RosterPupil,
  subject: Subject,
  now: Date,
): Promise<SubjectExport> {
  const names = await namesOf(db, subject.schoolId);
  const records: ExportSection[] = [];
  for (const type of EXPORTED) records.push(await readSection(db, type, subject, names));
  return {
    pupil: { id: pupil.id, name: pupil.name, email: pupil.email, class: pupil.class.name },
    exportedAt: now.toISOString(),
    records,
  };
}

export const SUBJECT_CSV_HEADER = ['record_type', 'record', 'field', 'value'];

/** One CSV: a row per field of every record, so every record type fits one set of columns. */
export function subjectCsv(data: SubjectExport): string {
  const rows: Value[][] = [SUBJECT_CSV_HEADER];
  for (const section of data.records) {
    const type = findRecordType(section.type);
    for (const row of section.rows) {
      const key = type ? (row[type.key] ?? null) : null;
      for (const [field, value] of Object.entries(row))
        rows.push([section.label, key, field, value]);
    }
  }
  return formatCsv(rows);
}
