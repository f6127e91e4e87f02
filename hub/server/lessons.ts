// Lessons as the database holds them. A lesson is running while it is open (ended_at null) and
// the clock is before its end: the hub never needs a teacher to remember to end one. Starting a
// lesson, and ending one early, are filtering changes: each writes its change log row in the
// same transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Lesson } from '../../shared/lesson';
import { writeChangeLog } from './change-log';
import type { HubDb } from './database';
import type { SessionUser } from './hub-env';
import type { LessonRow } from './schema';

export const NO_SUCH_LESSON = 'No such lesson.';

export interface NewLesson {
  classId: number;
  name: string;
  mode: Lesson['mode'];
  /** Canonical site text (lesson-sites.ts). */
  sites: string[];
  minutes: number;
  user: SessionUser;
  now: Date;
}

// Stored by the hub itself, but read back through zod all the same: a hand-edited row must not
// reach a device as a lesson it can't parse.
const storedSites = z.array(z.string());

function toLesson(row: LessonRow & { teacher: string }): Lesson {
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    sites: storedSites.parse(JSON.parse(row.sites)),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    teacher: row.teacher,
  };
}

const lessonsWithTeacher = (db: HubDb) =>
  db
    .selectFrom('lessons')
    .innerJoin('users', 'users.id', 'lessons.started_by')
    .selectAll('lessons')
    .select('users.name as teacher');

/** The class's running lesson at `now`, or null. */
export async function findRunningLesson(
  db: HubDb,
  classId: number,
  now: Date,
): Promise<Lesson | null> {
  const at = now.toISOString();
  const row = await lessonsWithTeacher(db)
    .where('lessons.class_id', '=', classId)
    .where('lessons.ended_at', 'is', null)
    .where('lessons.starts_at', '<=', at)
    .where('lessons.ends_at', '>', at)
    .executeTakeFirst();
  return row ? toLesson(row) : null;
}

/** Whether a lesson-long grant hangs on the lesson, so its early end changes snapshots. */
async function hasGrants(db: HubDb, lessonId: string): Promise<boolean> {
  const row = await db
    .selectFrom('grants')
    .select('request_id')
    .where('lesson_id', '=', lessonId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function logEndedEarly(
  db: HubDb,
  input: { lessonId: string; classId: number; user: SessionUser; now: Date; why: string },
): Promise<void> {
  const { name } = await db
    .selectFrom('lessons')
    .select('name')
    .where('id', '=', input.lessonId)
    .executeTakeFirstOrThrow();
  await writeChangeLog(db, {
    schoolId: input.user.schoolId,
    at: input.now,
    action: 'lesson.ended',
    summary: `Ended the lesson '${name}' early${input.why}`,
    classId: input.classId,
    askedBy: input.user.name,
    approvedBy: input.user.name,
    reason: '',
  });
}

/**
 * Starts a lesson, closing whatever lesson the class had open: one that ran out is closed at
 * its own end time, one still running is ended now by this user. Returns the new lesson, the id
 * of the lesson it cut short, if any, and whether lesson-long grants ended with that one.
 */
export async function startLesson(
  db: HubDb,
  input: NewLesson,
): Promise<{ lesson: Lesson; replaced: string | null; endedGrants: boolean }> {
  const id = randomUUID();
  const { user } = input;
  const at = input.now.toISOString();
  const endsAt = new Date(input.now.getTime() + input.minutes * 60_000).toISOString();
  const { replaced, endedGrants } = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('lessons')
      .set((eb) => ({ ended_at: eb.ref('ends_at') }))
      .where('class_id', '=', input.classId)
      .where('ended_at', 'is', null)
      .where('ends_at', '<=', at)
      .execute();
    const cut = await trx
      .updateTable('lessons')
      .set({ ended_at: at, ended_by: user.id })
      .where('class_id', '=', input.classId)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (cut) {
      await logEndedEarly(trx, {
        lessonId: cut.id,
        classId: input.classId,
        user,
        now: input.now,
        why: ` by starting '${input.name}'`,
      });
    }
    await trx
      .insertInto('lessons')
      .values({
        id,
        class_id: input.classId,
        name: input.name,
        mode: input.mode,
        sites: JSON.stringify(input.sites),
        starts_at: at,
        ends_at: endsAt,
        started_by: user.id,
        ended_at: null,
        ended_by: null,
      })
      .execute();
    await writeChangeLog(trx, {
      schoolId: user.schoolId,
      at: input.now,
      action: 'lesson.started',
      summary: `Started the lesson '${input.name}' (${input.mode}, ${input.minutes} min): ${input.sites.join(' ')}`,
      classId: input.classId,
      askedBy: user.name,
      approvedBy: user.name,
      reason: input.name,
    });
    return {
      replaced: cut?.id ?? null,
      endedGrants: cut ? await hasGrants(trx, cut.id) : false,
    };
  });
  const row = await lessonsWithTeacher(db).where('lessons.id', '=', id).executeTakeFirstOrThrow();
  return { lesson: toLesson(row), replaced, endedGrants };
}

/**
 * Ends the class's lesson `lessonId` now. Returns 'ended' when it was running (`endedGrants`:
 * lesson-long grants ended with it), 'over' when it had already ended (by a teacher or its own
 * clock), 'unknown' when the class has no such lesson.
 */
export async function endLesson(
  db: HubDb,
  input: { classId: number; lessonId: string; user: SessionUser; now: Date },
): Promise<{ result: 'ended'; endedGrants: boolean } | { result: 'over' | 'unknown' }> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('lessons')
      .select('id')
      .where('id', '=', input.lessonId)
      .where('class_id', '=', input.classId)
      .executeTakeFirst();
    if (!found) return { result: 'unknown' };
    const updated = await trx
      .updateTable('lessons')
      .set({ ended_at: at, ended_by: input.user.id })
      .where('id', '=', input.lessonId)
      .where('ended_at', 'is', null)
      .where('ends_at', '>', at)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return { result: 'over' };
    await logEndedEarly(trx, { ...input, why: '' });
    return { result: 'ended', endedGrants: await hasGrants(trx, input.lessonId) };
  });
}
