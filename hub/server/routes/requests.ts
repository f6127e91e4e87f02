// "Ask to visit" requests for teachers: a class's requests, and answering one. A teacher sees
// the requests of their own classes' pupils; the DSL and the admin see every class. A request
// someone may not see is answered as not existing at all (request-access.ts). Allowing one makes
// a grant (visit-answers.ts), which reaches the devices concerned in a fresh snapshot.
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { refreshDevices } from '../device-refresh';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { checkCanSeeRequest } from '../request-access';
import { sessionOf } from '../request-identity';
import type { HubServices } from '../services';
import { jsonBody, pathParams, queryParams } from '../validation';
import { answerVisitRequest } from '../visit-answers';
import { listVisitRequests, NO_SUCH_REQUEST } from '../visit-requests';
import { classIdParams } from './classes';

export const ALREADY_ANSWERED = 'This request has already been answered.';

const listQuery = z.object({
  status: z.enum(['pending', 'all'], { error: "expected 'pending' or 'all'" }).default('pending'),
});

const requestParams = z.object({ id: z.uuid() });

const answerSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('deny') }),
    /** A download request: this pupil may download this one file, once. */
    z.object({ decision: z.literal('allow-once') }),
    z.object({
      decision: z.literal('allow'),
      scope: z.enum(['pupil', 'class'], {
        error: "allowing needs a scope: 'pupil' or 'class'",
      }),
      duration: z.enum(['lesson', 'today'], {
        error: "allowing needs a duration: 'lesson' or 'today'",
      }),
    }),
  ],
  { error: "expected 'deny', 'allow' or 'allow-once'" },
);

export function requestRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get(
      '/classes/:id/requests',
      pathParams(classIdParams, NO_SUCH_CLASS),
      queryParams(listQuery),
      async (c) => {
        const { user } = sessionOf(c);
        const found = await findVisibleClass(db, user, c.req.valid('param').id);
        const { status } = c.req.valid('query');
        return c.json({ requests: await listVisitRequests(db, found.id, status) });
      },
    )
    .post(
      '/requests/:id/answer',
      pathParams(requestParams, NO_SUCH_REQUEST),
      jsonBody(answerSchema),
      async (c) => {
        const { user } = sessionOf(c);
        const { id } = c.req.valid('param');
        await checkCanSeeRequest(db, user, id);
        const result = await answerVisitRequest(db, {
          id,
          answer: c.req.valid('json'),
          user,
          now: services.now(),
        });
        if (result === 'answered') throw new HubError(409, ALREADY_ANSWERED);
        // After the commit: the asking device hears the answer (and a grant's class its grant),
        // and the class's teachers read their list again.
        refreshDevices(services.bus, {
          classIds: result.refreshClassIds,
          unassignedOf: result.refreshUnassignedOf,
        });
        if (result.classId !== null) services.bus.publish(result.classId, { type: 'requests' });
        return c.json({ request: result.request, grant: result.grant });
      },
    );
}
