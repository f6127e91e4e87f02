// Lessons as the database holds them. A lesson is running while it is open (ended_at null) and
// the clock is before its end: the hub never needs a teacher to remember to end one.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Lesson } from '../../shared/lesson';
import type { HubDb } from './database';
import type { LessonRow } from './schema';

export const NO_SUCH_LESSON = 'No such lesson.';

export interface NewLesson {
  classId: number;
  name: string;
  mode: Lesson['mode'];
  /** Canonical site text (lesson-sites.ts). */
  sites: string[];
  minutes: number;
  userId: number;
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

/**
 * Starts a lesson, closing whatever lesson the class had open: one that ran out is closed at
 * its own end time, one still running is ended now by this user. Returns the new lesson and
 * the id of the lesson it cut short, if any.
 */
export async function startLesson(
  db: HubDb,
  input: NewLesson,
): Promise<{ lesson: Lesson; replaced: string | null }> {
  const id = randomUUID();
  const at = input.now.toISOString();
  const endsAt = new Date(input.now.getTime() + input.minutes * 60_000).toISOString();
  const replaced = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('lessons')
      .set((eb) => ({ ended_at: eb.ref('ends_at') }))
      .where('class_id', '=', input.classId)
      .where('ended_at', 'is', null)
      .where('ends_at', '<=', at)
      .execute();
    const cut = await trx
      .updateTable('lessons')
      .set({ ended_at: at, ended_by: input.userId })
      .where('class_id', '=', input.classId)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
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
        started_by: input.userId,
        ended_at: null,
        ended_by: null,
      })
      .execute();
    return cut?.id ?? null;
  });
  const row = await lessonsWithTeacher(db).where('lessons.id', '=', id).executeTakeFirstOrThrow();
  return { lesson: toLesson(row), replaced };
}

/**
 * Ends the class's lesson `lessonId` now. Returns 'ended' when it was running, 'over' when it
 * had already ended (by a teacher or its own clock), 'unknown' when the class has no such lesson.
 */
export async function endLesson(
  db: HubDb,
  input: { classId: number; lessonId: string; userId: number; now: Date },
): Promise<'ended' | 'over' | 'unknown'> {
  const at = input.now.toISOString();
  const found = await db
    .selectFrom('lessons')
    .select('id')
    .where('id', '=', input.lessonId)
    .where('class_id', '=', input.classId)
    .executeTakeFirst();
  if (!found) return 'unknown';
  const result = await db
    .updateTable('lessons')
    .set({ ended_at: at, ended_by: input.userId })
    .where('id', '=', input.lessonId)
    .where('ended_at', 'is', null)
    .where('ends_at', '>', at)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? 'ended' : 'over';
}
