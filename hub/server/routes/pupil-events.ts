// A class's Zip It, Block It, copyright and download records for the teachers who see the class
// (its teacher, the DSL, the admin; anyone else is told it doesn't exist, as for every class
// route): the summary grouped per pupil and type, and one pupil's records a page at a time.
// Both cover a window by the device's clock, today where the school is unless asked otherwise.
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { classPupilEvents } from '../pupil-event-summary';
import {
  describeWindow,
  eventWindow,
  listPupilEvents,
  MAX_PUPIL_EVENTS_PAGE,
} from '../pupil-events';
import { sessionOf } from '../request-identity';
import type { HubServices } from '../services';
import { rangeOf, timeRangeQuery } from '../time-range';
import { pathParams, queryParams } from '../validation';
import { classIdParams } from './classes';
import { pageQuery } from './page-query';

export const NO_SUCH_PUPIL = 'No such pupil.';

const pupilParams = classIdParams.extend({
  pupilId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

const pupilPageQuery = pageQuery(MAX_PUPIL_EVENTS_PAGE).extend(timeRangeQuery.shape);

export function pupilEventRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get(
      '/classes/:id/pupil-events',
      pathParams(classIdParams, NO_SUCH_CLASS),
      queryParams(timeRangeQuery),
      async (c) => {
        const { user } = sessionOf(c);
        const found = await findVisibleClass(db, user, c.req.valid('param').id);
        const window = eventWindow(rangeOf(c.req.valid('query')), services.now());
        return c.json(await classPupilEvents(db, found.id, window));
      },
    )
    .get(
      '/classes/:id/pupil-events/:pupilId',
      pathParams(pupilParams, NO_SUCH_PUPIL),
      queryParams(pupilPageQuery),
      async (c) => {
        const { user } = sessionOf(c);
        const { id, pupilId } = c.req.valid('param');
        const found = await findVisibleClass(db, user, id);
        const { before, limit, ...range } = c.req.valid('query');
        // A pupil of the class now, or one whose records came from it: no other pupil's name.
        const pupil = await db
          .selectFrom('pupils')
          .select(['id', 'name'])
          .where('id', '=', pupilId)
          .where('school_id', '=', user.schoolId)
          .where((eb) =>
            eb.or([
              eb('class_id', '=', found.id),
              eb.exists(
                eb
                  .selectFrom('pupil_events')
                  .select('pupil_events.id')
                  .where('pupil_events.pupil_id', '=', pupilId)
                  .where('pupil_events.class_id', '=', found.id),
              ),
            ]),
          )
          .executeTakeFirst();
        if (!pupil) throw new HubError(404, NO_SUCH_PUPIL);
        const window = eventWindow(rangeOf(range), services.now());
        const page = await listPupilEvents(
          db,
          { classId: found.id, pupilId: pupil.id, window },
          { before, limit },
        );
        return c.json({ pupil, window: describeWindow(window), ...page });
      },
    );
}
