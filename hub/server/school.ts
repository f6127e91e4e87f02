// The school this hub serves. One hub process serves one school; a trust's hub (PostgreSQL)
// will hold several, and this is where choosing among them will go.
import type { HubDb } from './database';

export async function readSchool(db: HubDb) {
  return db
    .selectFrom('schools')
    .select(['id', 'name', 'enrolment_token'])
    .orderBy('id')
    .executeTakeFirst();
}

/** Replaces the enrolment token (HUB_ENROLMENT_TOKEN); devices enrolled before keep working. */
export async function setEnrolmentToken(db: HubDb, schoolId: number, token: string) {
  await db
    .updateTable('schools')
    .set({ enrolment_token: token })
    .where('id', '=', schoolId)
    .execute();
}
