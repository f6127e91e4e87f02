// Change requests to the school's list: any member of staff asks (optionally citing an "ask to
// visit" request they can see), only the admin decides (change-requests.ts). The admin and the
// DSL read the school's; a teacher reads their own.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  ALREADY_DECIDED,
  createChangeRequest,
  decideChangeRequest,
  listChangeRequests,
  NO_SUCH_CHANGE_REQUEST,
} from '../change-requests';
import { refreshKeyStage } from '../device-refresh';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { keyStageField, noteField, reasonField, siteField } from '../list-fields';
import { checkCanSeeRequest } from '../request-access';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { jsonBody, pathParams, queryParams } from '../validation';

export const NO_SUCH_CITED_REQUEST = 'requestId: no such request';

const createSchema = z.object({
  site: siteField,
  keyStage: keyStageField,
  reason: reasonField,
  requestId: z.uuid('expected the id of a request').optional(),
});

const listQuery = z.object({
  status: z.enum(['pending', 'all'], { error: "expected 'pending' or 'all'" }).default('pending'),
});

const decideSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: "expected 'approve' or 'reject'" }),
  note: noteField.default(''),
});

const changeRequestParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

export function changeRequestRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/', queryParams(listQuery), async (c) => {
      const { user } = sessionOf(c);
      const { status } = c.req.valid('query');
      return c.json({ changeRequests: await listChangeRequests(db, user, status) });
    })
    .post('/', jsonBody(createSchema), async (c) => {
      const { user } = sessionOf(c);
      const { site, keyStage, reason, requestId } = c.req.valid('json');
      if (requestId !== undefined) {
        // A request the user can't see is refused as unknown, so ids can't be probed.
        await checkCanSeeRequest(db, user, requestId).catch((error: unknown) => {
          throw error instanceof HubError && error.status === 404
            ? new HubError(400, NO_SUCH_CITED_REQUEST)
            : error;
        });
      }
      const created = await createChangeRequest(db, {
        user,
        site,
        keyStage,
        reason,
        requestId: requestId ?? null,
        now: services.now(),
      });
      return c.json({ changeRequest: created }, 201);
    })
    .post(
      '/:id/decide',
      requireRole('admin'),
      pathParams(changeRequestParams, NO_SUCH_CHANGE_REQUEST),
      jsonBody(decideSchema),
      async (c) => {
        const { user } = sessionOf(c);
        const { decision, note } = c.req.valid('json');
        const decided = await decideChangeRequest(db, {
          id: c.req.valid('param').id,
          decision,
          note,
          user,
          now: services.now(),
        });
        if (decided === 'decided') throw new HubError(409, ALREADY_DECIDED);
        if (decided.status === 'approved') {
          await refreshKeyStage(services, user.schoolId, decided.keyStage);
        }
        return c.json({ changeRequest: decided });
      },
    );
}
