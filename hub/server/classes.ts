// Classes as each role may see them. A teacher sees their own; the DSL and the admin see every
// class of their school. A class someone may not see is reported as not existing at all.
import type { HubDb } from './database';
import { HubError } from './errors';
import type { SessionUser } from './hub-env';
import { seesEveryClass } from './roles';

export const NO_SUCH_CLASS = 'No such class.';

function visibleClasses(db: HubDb, user: SessionUser) {
  let query = db
    .selectFrom('classes')
    .innerJoin('users as teacher', 'teacher.id', 'classes.teacher_id')
    .select([
      'classes.id',
      'classes.name',
      'classes.key_stage',
      'classes.teacher_id',
      'teacher.name as teacher_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('pupils')
        .whereRef('pupils.class_id', '=', 'classes.id')
        .select((count) => count.fn.countAll<number>().as('count'))
        .as('pupil_count'),
    )
    .where('classes.school_id', '=', user.schoolId);
  if (!seesEveryClass(user.role)) query = query.where('classes.teacher_id', '=', user.id);
  return query;
}

type VisibleRow = Awaited<ReturnType<ReturnType<typeof visibleClasses>['executeTakeFirstOrThrow']>>;

function toView(row: VisibleRow) {
  return {
    id: row.id,
    name: row.name,
    keyStage: row.key_stage,
    teacher: { id: row.teacher_id, name: row.teacher_name },
    pupilCount: Number(row.pupil_count ?? 0),
  };
}

export type ClassView = ReturnType<typeof toView>;

export async function listClasses(db: HubDb, user: SessionUser): Promise<ClassView[]> {
  const rows = await visibleClasses(db, user).orderBy('classes.name').execute();
  return rows.map(toView);
}

/** The class if this user may see it; otherwise 404, so its existence isn't revealed. */
export async function findVisibleClass(
  db: HubDb,
  user: SessionUser,
  classId: number,
): Promise<ClassView> {
  const row = await visibleClasses(db, user).where('classes.id', '=', classId).executeTakeFirst();
  if (!row) throw new HubError(404, NO_SUCH_CLASS);
  return toView(row);
}

export async function listPupils(db: HubDb, classId: number) {
  return db
    .selectFrom('pupils')
    .select(['id', 'name', 'email'])
    .where('class_id', '=', classId)
    .orderBy('name')
    .execute();
}
