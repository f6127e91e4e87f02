// The registry's entries as SQL conditions: which rows belong to a school, which are about one
// pupil, which are held by an open case. Names come from the registry (checked against
// schema.ts), values are always bound parameters. Plain SQL that PostgreSQL reads as well.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { RecordType, RowKey } from './record-type';
import { findRecordType, RECORD_TYPES } from './record-types';

export type Condition = RawBuilder<SqlBool>;

/** Ids per statement, well inside SQLite's limit on bound values. */
export const KEYS_PER_STATEMENT = 500;

export function recordTypeNamed(name: string): RecordType {
  const type = findRecordType(name);
  if (!type) throw new Error(`The record type registry has no '${name}'.`);
  return type;
}

/** `table.column` as a quoted reference. */
export const column = (type: RecordType | { table: string }, name: string) =>
  sql.ref(`${type.table}.${name}`);

const NOTHING: Condition = sql<SqlBool>`1 = 0`;

export function isOneOf(
  type: RecordType | { table: string },
  name: string,
  values: readonly RowKey[],
): Condition {
  if (values.length === 0) return NOTHING;
  return sql<SqlBool>`${column(type, name)} in (${sql.join(values)})`;
}

/** The rows of one school; only types the sweep reaches have a school. */
export function inSchool(type: RecordType, schoolId: number): Condition {
  const link = type.school;
  if (!link) throw new Error(`The record type '${type.name}' names no school.`);
  if ('column' in link) return sql<SqlBool>`${column(type, link.column)} = ${schoolId}`;
  const { table } = link.through;
  return sql<SqlBool>`${column(type, link.through.column)} in (select ${column({ table }, 'id')}
    from ${sql.table(table)} where ${column({ table }, 'school_id')} = ${schoolId})`;
}

/** The pupil an export or erasure is about, as the hub still knows them. */
export interface Subject {
  schoolId: number;
  pupilId: number;
  /** Their devices: the account's enrolments, or those an earlier erasure kept. */
  deviceIds: readonly number[];
}

/** Rows of `type` about the subject; false for a type not tied to pupils. */
export function aboutSubject(type: RecordType, subject: Subject): Condition {
  const link = type.pupil;
  if (!link) return NOTHING;
  switch (link.kind) {
    case 'self':
      return sql<SqlBool>`${column(type, type.key)} = ${subject.pupilId}`;
    case 'account':
      return isOneOf(type, type.key, subject.deviceIds);
    case 'pupil-or-device':
      return sql<SqlBool>`(${column(type, link.pupil)} = ${subject.pupilId}
        or ${isOneOf(type, link.device, subject.deviceIds)})`;
    case 'through': {
      const parent = recordTypeNamed(link.type);
      return sql<SqlBool>`${column(type, link.column)} in (select ${column(parent, parent.key)}
        from ${sql.table(parent.table)} where ${aboutSubject(parent, subject)})`;
    }
    case 'named-by': {
      const other = recordTypeNamed(link.type);
      return sql<SqlBool>`${column(type, type.key)} in (select ${column(other, link.column)}
        from ${sql.table(other.table)} where ${aboutSubject(other, subject)})`;
    }
  }
}

/** Rows the type's keep rule holds back (an open safeguarding case); false when it has none. */
export function heldBack(type: RecordType): Condition {
  const rule = type.keepUntil;
  if (!rule) return NOTHING;
  // Anything but a listed value holds the row, a status added later included (fail closed).
  return sql<SqlBool>`(${column(type, rule.column)} is null
    or not (${isOneOf(type, rule.column, rule.values)}))`;
}

/** Every type with a column naming rows of `target`, and how. */
export function referrersOf(target: RecordType) {
  return RECORD_TYPES.flatMap((type) =>
    type.retention.kind === 'age' && type.retention.clears
      ? []
      : (type.references ?? [])
          .filter((reference) => reference.type === target.name)
          .map((reference) => ({ type, reference })),
  );
}

/** Splits keys into statement-sized chunks. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += KEYS_PER_STATEMENT) {
    out.push(items.slice(start, start + KEYS_PER_STATEMENT));
  }
  return out;
}
