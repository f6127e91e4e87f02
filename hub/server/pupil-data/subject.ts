// Finding the pupil an admin asks about, only ever within the admin's own school: by name or
// email for the dashboard's search, and by id as the subject of an export or an erasure.
import { sql, type SqlBool } from 'kysely';
import type { HubDb } from '../database';
import type { Subject } from '../retention/record-sql';

export const NO_SUCH_PUPIL = 'No such pupil.';

export const MAX_FOUND_PUPILS = 20;

export interface RosterPupil {
  id: number;
  name: string;
  email: string;
  class: { id: number; name: string };
}

const pupilsWithClass = (db: HubDb, schoolId: number) =>
  db
    .selectFrom('pupils')
    .innerJoin('classes', 'classes.id', 'pupils.class_id')
    .select([
      'pupils.id',
      'pupils.name',
      'pupils.email',
      'pupils.class_id',
      'classes.name as class_name',
    ])
    .where('pupils.school_id', '=', schoolId);

type Row = Awaited<ReturnType<ReturnType<typeof pupilsWithClass>['executeTakeFirstOrThrow']>>;

const toPupil = (row: Row): RosterPupil => ({
  id: row.id,
  name: row.name,
  email: row.email,
  class: { id: row.class_id, name: row.class_name },
});

/** `%`, `_` and `\` typed by the admin are matched as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Pupils whose name or email holds the text (any case), by name, at most MAX_FOUND_PUPILS. */
export async function searchPupils(
  db: HubDb,
  schoolId: number,
  text: string,
): Promise<RosterPupil[]> {
  const pattern = likePattern(text.toLowerCase());
  const rows = await pupilsWithClass(db, schoolId)
    .where(
      sql<SqlBool>`(lower(${sql.ref('pupils.name')}) like ${pattern} escape '\\'
        or lower(${sql.ref('pupils.email')}) like ${pattern} escape '\\')`,
    )
    .orderBy('pupils.name')
    .orderBy('pupils.id')
    .limit(MAX_FOUND_PUPILS)
    .execute();
  return rows.map(toPupil);
}

export async function findPupil(
  db: HubDb,
  schoolId: number,
  pupilId: number,
): Promise<RosterPupil | undefined> {
  const row = await pupilsWithClass(db, schoolId)
    .where('pupils.id', '=', pupilId)
    .executeTakeFirst();
  return row && toPupil(row);
}

/** The pupil with every device their account enrolled in the school. */
export async function subjectOf(db: HubDb, schoolId: number, pupil: RosterPupil): Promise<Subject> {
  const devices = await db
    .selectFrom('devices')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('email', '=', pupil.email)
    .orderBy('id')
    .execute();
  return { schoolId, pupilId: pupil.id, deviceIds: devices.map((device) => device.id) };
}
