// "Ask to visit" requests for teachers: a class's requests, and answering one. A teacher sees
// the requests of their own classes' pupils; the DSL and the admin see every class. A request
// someone may not see is answered as not existing at all, like a class (classes.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { HubError } from '../errors';
import type { HubEnv, SessionUser } from '../hub-env';
import { sessionOf } from '../request-identity';
import { seesEveryClass } from '../roles';
import type { HubServices } from '../services';
import type { HubDb } from '../database';
import { jsonBody, pathParams } from '../validation';
import {
  answerVisitRequest,
  findRequestOwner,
  listVisitRequests,
  NO_SUCH_REQUEST,
} from '../visit-requests';
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
  { error: "expected 'deny' or 'allow'" },
);

/** The request's class must be visible to the user; one from no class, only to the DSL or admin. */
async function checkCanAnswer(db: HubDb, user: SessionUser, id: string): Promise<void> {
  const owner = await findRequestOwner(db, id);
  if (!owner || owner.school_id !== user.schoolId) throw new HubError(404, NO_SUCH_REQUEST);
  if (owner.class_id === null) {
    if (!seesEveryClass(user.role)) throw new HubError(404, NO_SUCH_REQUEST);
    return;
  }
  try {
    await findVisibleClass(db, user, owner.class_id);
  } catch (error) {
    if (error instanceof HubError && error.status === 404) {
      throw new HubError(404, NO_SUCH_REQUEST);
    }
    throw error;
  }
}

export function requestRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/classes/:id/requests', pathParams(classIdParams, NO_SUCH_CLASS), async (c) => {
      const { user } = sessionOf(c);
      const found = await findVisibleClass(db, user, c.req.valid('param').id);
      const query = listQuery.safeParse({ status: c.req.query('status') });
      if (!query.success) throw new HubError(400, "status: expected 'pending' or 'all'");
      return c.json({ requests: await listVisitRequests(db, found.id, query.data.status) });
    })
    .post(
      '/requests/:id/answer',
      pathParams(requestParams, NO_SUCH_REQUEST),
      jsonBody(answerSchema),
      async (c) => {
        const { user } = sessionOf(c);
        const { id } = c.req.valid('param');
        await checkCanAnswer(db, user, id);
        const result = await answerVisitRequest(db, {
          id,
          answer: c.req.valid('json'),
          userId: user.id,
          now: services.now(),
        });
        if (result === 'answered') throw new HubError(409, ALREADY_ANSWERED);
        return c.json({ request: result });
      },
    );
}
