// Lessons pushed live: start one (it goes to every connected device of the class at once), end
// it, and read the class's live view. The class's teacher, the DSL and the admin may; any other
// teacher is told the class does not exist.
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { canonicalSites } from '../lesson-sites';
import { endLesson, NO_SUCH_LESSON, startLesson } from '../lessons';
import { buildLiveView } from '../live-view';
import { refreshDevices } from '../device-refresh';
import { sessionOf } from '../request-identity';
import type { HubServices } from '../services';
import { displayText, jsonBody, pathParams } from '../validation';
import { classIdParams } from './classes';

export const MAX_LESSON_SITES = 200;

const startLessonSchema = z.object({
  name: displayText(120),
  mode: z.enum(['focus', 'add'], { error: "expected 'focus' or 'add'" }),
  // Each item is checked by canonicalSites, which names every bad one by its position.
  sites: z
    .array(z.unknown(), { error: 'expected a list of sites' })
    .min(1, 'list at least one site')
    .max(MAX_LESSON_SITES, `list at most ${MAX_LESSON_SITES} sites`),
  minutes: z
    .number({ error: 'expected a number of minutes' })
    .int('expected whole minutes')
    .min(5, 'a lesson lasts at least 5 minutes')
    .max(180, 'a lesson lasts at most 180 minutes'),
});

const lessonParams = classIdParams.extend({ lessonId: z.uuid() });

export function lessonRoutes(services: HubServices) {
  const { db, bus } = services;
  return new Hono<HubEnv>()
    .post(
      '/:id/lessons',
      pathParams(classIdParams, NO_SUCH_CLASS),
      jsonBody(startLessonSchema),
      async (c) => {
        const { user } = sessionOf(c);
        const found = await findVisibleClass(db, user, c.req.valid('param').id);
        const { name, mode, sites, minutes } = c.req.valid('json');
        const checked = canonicalSites(sites);
        if (!checked.ok) throw new HubError(400, checked.errors.join('; '));
        const { lesson, endedGrants } = await startLesson(db, {
          classId: found.id,
          name,
          mode,
          sites: checked.sites,
          minutes,
          user,
          now: services.now(),
        });
        // After the commit, so a device that reconnects at once reads the same lesson. A lesson
        // this one replaced needs no lesson.end: devices swap lessons on lesson.start, and an
        // end first would give pupils the class list for a moment between two focus lessons.
        bus.publish(found.id, { type: 'lesson.start', lesson });
        // Grants for the replaced lesson ended with it; only then do snapshots change.
        if (endedGrants) refreshDevices(bus, { classIds: [found.id], unassignedOf: null });
        return c.json({ lesson }, 201);
      },
    )
    .post('/:id/lessons/:lessonId/end', pathParams(lessonParams, NO_SUCH_LESSON), async (c) => {
      const { user } = sessionOf(c);
      const { id, lessonId } = c.req.valid('param');
      const found = await findVisibleClass(db, user, id);
      const ended = await endLesson(db, {
        classId: found.id,
        lessonId,
        user,
        now: services.now(),
      });
      if (ended.result === 'unknown') throw new HubError(404, NO_SUCH_LESSON);
      // Ending a lesson that is already over changes nothing and is not an error: a second
      // click, or a retry after a lost answer, must not alarm the teacher.
      if (ended.result === 'ended') {
        bus.publish(found.id, { type: 'lesson.end', lessonId });
        // Lesson-long grants went with it: devices must drop them now, not at the planned end.
        if (ended.endedGrants) refreshDevices(bus, { classIds: [found.id], unassignedOf: null });
      }
      return c.json({});
    })
    .get('/:id/live', pathParams(classIdParams, NO_SUCH_CLASS), async (c) => {
      const { user } = sessionOf(c);
      const found = await findVisibleClass(db, user, c.req.valid('param').id);
      return c.json(await buildLiveView(services, found.id));
    });
}
