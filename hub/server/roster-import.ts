// Writes a read roster into a class in one transaction. A pupil's email is unique in the
// school, so importing again updates a pupil rather than adding them twice. Pupils missing from
// the file stay: an import adds and updates, it never removes.
import type { HubDb } from './database';
import type { LineError, RosterRow } from './roster-csv';

export interface RosterImport {
  schoolId: number;
  classId: number;
  rows: readonly RosterRow[];
  /**
   * An admin may move a pupil from another class into this one. A teacher may not: importing
   * an email would otherwise take another teacher's pupil into their own class.
   */
  mayMovePupils: boolean;
  now: Date;
}

export interface RosterImportResult {
  added: number;
  updated: number;
  unchanged: number;
  errors: LineError[];
}

/** SQLite allows 32,766 bound values a statement; stay well below it. */
const CHUNK = 500;

export async function importRoster(db: HubDb, input: RosterImport): Promise<RosterImportResult> {
  const result: RosterImportResult = { added: 0, updated: 0, unchanged: 0, errors: [] };
  const at = input.now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < input.rows.length; start += CHUNK) {
      const chunk = input.rows.slice(start, start + CHUNK);
      const existing = await trx
        .selectFrom('pupils')
        .select(['id', 'class_id', 'name', 'email'])
        .where('school_id', '=', input.schoolId)
        .where(
          'email',
          'in',
          chunk.map((row) => row.email),
        )
        .execute();
      const byEmail = new Map(existing.map((pupil) => [pupil.email, pupil]));
      for (const row of chunk) {
        const pupil = byEmail.get(row.email);
        if (!pupil) {
          await trx
            .insertInto('pupils')
            .values({
              school_id: input.schoolId,
              class_id: input.classId,
              name: row.name,
              email: row.email,
              created_at: at,
              updated_at: at,
            })
            .execute();
          result.added += 1;
        } else if (pupil.class_id !== input.classId && !input.mayMovePupils) {
          result.errors.push({
            line: row.line,
            message: `line ${row.line}: '${row.email}' is in another class; an admin can move them`,
          });
        } else if (pupil.class_id === input.classId && pupil.name === row.name) {
          result.unchanged += 1;
        } else {
          await trx
            .updateTable('pupils')
            .set({ name: row.name, class_id: input.classId, updated_at: at })
            .where('id', '=', pupil.id)
            .execute();
          result.updated += 1;
        }
      }
    }
  });
  return result;
}
