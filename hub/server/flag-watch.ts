// The `flags` nudge for one teacher socket that sent `watchFlags`: at once, then whenever a flag
// or keyword alert the user may see arrives, is told more, or is handled. The DSL and the admin
// hear of everything in the school; a teacher only of flags of their own classes' pupils (and
// never of keyword alerts). Whose classes are checked on each nudge, not remembered, so a class
// given to the teacher later counts at once. A nudge, not the list: the dashboard reads
// GET /api/flags, the one shape of a flag it knows.
import type { HubDb } from './database';
import type { SessionUser } from './hub-env';
import type { LessonBus, SchoolMessage } from './lesson-bus';
import { seesEveryClass } from './roles';

export const FLAGS_MESSAGE = JSON.stringify({ type: 'flags' });

async function teachesAny(db: HubDb, userId: number, classIds: readonly number[]) {
  const row = await db
    .selectFrom('classes')
    .select('id')
    .where('teacher_id', '=', userId)
    .where('id', 'in', classIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts the nudges (the first one now); returns the function that stops them. */
export function watchFlags(
  services: { db: HubDb; bus: LessonBus; log(message: string, error: unknown): void },
  user: SessionUser,
  sendText: (text: string) => void,
): () => void {
  let watching = true;
  const heard = (message: SchoolMessage) => {
    if (seesEveryClass(user.role)) {
      sendText(FLAGS_MESSAGE);
      return;
    }
    if (message.classIds.length === 0) return;
    teachesAny(services.db, user.id, message.classIds)
      .then((teaches) => {
        if (teaches && watching) sendText(FLAGS_MESSAGE);
      })
      .catch((error: unknown) => services.log('A flags nudge could not be checked', error));
  };
  // Subscribed before the first nudge, so a flag stored meanwhile is never missed.
  const unsubscribe = services.bus.subscribeSchool(user.schoolId, heard);
  sendText(FLAGS_MESSAGE);
  return () => {
    watching = false;
    unsubscribe();
  };
}
