// One pupil's data, for the admin: finding them on the school's rosters, a subject-access export
// (JSON or one CSV) of everything the hub holds about them, and erasure, with a dry run first so
// the confirm step can say what will be kept, and the erasure log.
import { Hono } from 'hono';
import { z } from 'zod';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { reasonField } from '../list-fields';
import { erasePupil, listErasures } from '../pupil-data/erasure';
import { exportSubject, subjectCsv } from '../pupil-data/subject-export';
import { findPupil, NO_SUCH_PUPIL, searchPupils, subjectOf } from '../pupil-data/subject';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { jsonBody, pathParams, queryParams } from '../validation';

const pupilParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});

const searchQuery = z.object({
  q: z
    .string({ error: 'give a name or email to look for' })
    .trim()
    .min(2, 'give at least 2 characters of a name or email')
    .max(100, 'is longer than 100 characters'),
});

const eraseBody = z.object({ reason: reasonField });

export function pupilDataRoutes(services: HubServices) {
  const { db } = services;
  const admin = requireRole('admin');
  const params = pathParams(pupilParams, NO_SUCH_PUPIL);

  async function exportFor(schoolId: number, pupilId: number) {
    const pupil = await findPupil(db, schoolId, pupilId);
    if (!pupil) throw new HubError(404, NO_SUCH_PUPIL);
    return exportSubject(db, pupil, await subjectOf(db, schoolId, pupil), services.now());
  }
  /** Named by the pupil's id only: a download folder is no place for names. */
  const attachment = (id: number, extension: string) => ({
    'Content-Disposition': `attachment; filename="pupil-${id}-data-${services
      .now()
      .toISOString()
      .slice(0, 10)}.${extension}"`,
  });

  return new Hono<HubEnv>()
    .get('/pupils', admin, queryParams(searchQuery), async (c) => {
      const { q } = c.req.valid('query');
      return c.json({ pupils: await searchPupils(db, sessionOf(c).user.schoolId, q) });
    })
    .get('/pupils/:id/data.json', admin, params, async (c) => {
      const { id } = c.req.valid('param');
      const data = await exportFor(sessionOf(c).user.schoolId, id);
      return c.json(data, 200, attachment(id, 'json'));
    })
    .get('/pupils/:id/data.csv', admin, params, async (c) => {
      const { id } = c.req.valid('param');
      const data = await exportFor(sessionOf(c).user.schoolId, id);
      return c.body(subjectCsv(data), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        ...attachment(id, 'csv'),
      });
    })
    .get('/pupils/:id/erasure-plan', admin, params, async (c) => {
      const { user } = sessionOf(c);
      const { id } = c.req.valid('param');
      const plan = await erasePupil(db, {
        user,
        pupilId: id,
        reason: '',
        now: services.now(),
        dryRun: true,
      });
      return c.json(plan);
    })
    .post('/pupils/:id/erase', admin, params, jsonBody(eraseBody), async (c) => {
      const { user } = sessionOf(c);
      const { id } = c.req.valid('param');
      const outcome = await erasePupil(db, {
        user,
        pupilId: id,
        reason: c.req.valid('json').reason,
        now: services.now(),
      });
      // The class's live view stops showing the pupil.
      if (outcome.pupil) services.liveFeed.changed(outcome.pupil.class.id);
      return c.json(outcome);
    })
    .get('/erasures', admin, async (c) => {
      return c.json({ erasures: await listErasures(db, sessionOf(c).user.schoolId) });
    });
}
