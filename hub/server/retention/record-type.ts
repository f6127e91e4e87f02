// What the hub knows about each kind of record it holds, in one shape, so retention, the
// subject-access export, erasure and the weekly summary all read the same entry
// (record-types.ts) and a new table joins all four with one entry. Column names are checked
// against schema.ts by `recordType()`.
import type { HubDatabase } from '../schema';

export type TableName = keyof HubDatabase & string;
type ColumnOf<T extends TableName> = keyof HubDatabase[T] & string;

/** A row's key value: the table's primary key column. */
export type RowKey = string | number;

/** How long rows are kept. */
export type Retention<C extends string> =
  /** Removed `days` after `column` (an ISO time), unless the admin sets another period. */
  | {
      kind: 'age';
      column: C;
      defaultDays: number;
      minDays: number;
      maxDays: number;
      /** Why the default is what it is, for the admin and the README. */
      why: string;
      /** Instead of removing the row, empties this column (a screenshot on a kept flag). */
      clears?: C;
    }
  /** Removed with the row it belongs to (a flag's handling steps); no period of its own. */
  | { kind: 'with'; type: string; why: string }
  /** Kept while it is in use or on the roster; removed by erasure or by the admin. */
  | { kind: 'while'; why: string };

/** Where the school is, for the sweep: its own column, or a column naming a row that has it. */
export type SchoolLink<C extends string> =
  { column: C } | { through: { column: C; table: TableName } };

/** Which rows are about one pupil (the subject). */
export type PupilLink<C extends string> =
  /** The roster row itself. */
  | { kind: 'self' }
  /** The pupil's enrolled devices (their account's email in the school). */
  | { kind: 'account' }
  /** Rows naming the pupil, or one of their devices (made while their email was on no roster). */
  | { kind: 'pupil-or-device'; pupil: C; device: C }
  /** Rows whose `column` names a linked row of `type` (a grant of their request). */
  | { kind: 'through'; column: C; type: string }
  /** Rows a linked row of `type` names in its `column` (the lesson a grant was tied to). */
  | { kind: 'named-by'; type: string; column: string };

/** A column of this table naming a row of another type, and what happens to it when that goes. */
export interface Reference<C extends string> {
  column: C;
  type: string;
  /** `delete`: this row goes too; `clear`: the column is emptied; `block`: that row stays. */
  onRemove: 'delete' | 'clear' | 'block';
}

/** What erasure does with a pupil's rows of this type. */
export type Erasure<C extends string> =
  | {
      kind: 'delete';
      /** When a kept row still names it (`block`), it stays but this column is made useless. */
      whenHeld?: { column: C; value: 'unusable-token'; why: string };
    }
  /** The row is a record of something else (the filtering record): blank the pupil out of it. */
  | { kind: 'blank'; set: Partial<Record<C, string | null>> }
  /** Not the pupil's own data (the class's lesson): only listed in the export. */
  | { kind: 'keep' };

/** One way of counting a type's rows for the summary: by the value of a column. */
export interface Breakdown<C extends string> {
  column: C;
  /** The table's caption, e.g. "By what happened". */
  label: string;
  /** Every value counted even when zero, in this order, with its words; null means none given. */
  values?: readonly { value: string | null; label: string }[];
  /** Counted by the class's name (the column holds a class id). */
  byClassName?: true;
}

/**
 * A count the summary shows on its own line under the type's heading, so it stands out from the
 * tables (attempts to get round the filter): the rows whose `column` holds `value`.
 */
export interface Highlight<C extends string> {
  column: C;
  value: string;
  label: string;
}

export interface RecordTypeOf<T extends string, C extends string> {
  /** Stable name, kept in settings, sweeps and the erasure log. */
  name: string;
  /** In words, for the admin, the export and the summary. */
  label: string;
  table: T;
  /** The primary key. */
  key: C;
  retention: Retention<C>;
  /** Needed for an `age` retention: which school a row belongs to. */
  school?: SchoolLink<C>;
  /** How a row is about one pupil; absent for records about no pupil (staff, settings). */
  pupil?: PupilLink<C>;
  references?: readonly Reference<C>[];
  /** Rows neither the sweep nor erasure removes until `column` holds one of `values`. */
  keepUntil?: { column: C; values: readonly string[]; why: string };
  erasure?: Erasure<C>;
  /** What the subject-access export shows of a row. */
  export?: {
    columns: readonly C[];
    /** Ids shown as the class's or the member of staff's name. */
    names?: Partial<Record<C, 'classes' | 'users'>>;
    /** A column only described, never copied out (a screenshot: only the DSL may open it). */
    describe?: Partial<Record<C, (key: RowKey) => string>>;
  };
  /** Counted in the weekly summary, by the time in `time`; anonymised: counts only. */
  summary?: { time: C; breakdowns: readonly Breakdown<C>[]; highlights?: readonly Highlight<C>[] };
}

export type RecordType = RecordTypeOf<TableName, string>;

/** Checks an entry's column names against the table in schema.ts. */
export const recordType = <T extends TableName>(spec: RecordTypeOf<T, ColumnOf<T>>): RecordType =>
  spec;
