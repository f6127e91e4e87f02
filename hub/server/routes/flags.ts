// Flags for staff: the list each role may see, the screenshot (the DSL's alone: it may show
// something no one else should see again), and handling: acknowledging with the action taken,
// escalating to the DSL, and the DSL closing it. A flag someone may not see is answered as not
// existing (flag-handling.ts). Every step reaches the dashboards watching flags at once.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkCanSeeFlag, takeFlagStep, type FlagStepAction } from '../flag-handling';
import { listFlags, MAX_FLAGS_PAGE, NO_SUCH_FLAG } from '../flags';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { jsonBody, pathParams, queryParams } from '../validation';
import { pageQuery } from './page-query';

const listQuery = pageQuery(MAX_FLAGS_PAGE).extend({
  status: z.enum(['open', 'all'], { error: "expected 'open' or 'all'" }).default('open'),
});

const flagParams = z.object({ id: z.uuid() });

/** What staff write about a flag: a line or a few, with no other control characters. */
function flagText(what: string, min: number) {
  return z
    .string({ error: `give ${what} as text` })
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .trim()
        .min(min, `give ${what}`)
        .max(1000, 'is longer than 1000 characters')
        .regex(/^(?:[^\p{Cc}]|\n)*$/u, 'has a control character in it'),
    );
}

const actionBody = z.object({ action: flagText('the action taken', 1) });

/** Why it needs the DSL; may be empty, since escalating quickly matters more than words. */
const escalateBody = z.object({ note: flagText('a note', 0).default('') });

const SCREENSHOT_PREFIX = 'data:image/jpeg;base64,';

export function flagRoutes(services: HubServices) {
  const { db } = services;

  /** Takes the step for the caller and tells everyone watching flags. */
  async function step(c: Context<HubEnv>, id: string, action: FlagStepAction, note: string) {
    const { user } = sessionOf(c);
    await checkCanSeeFlag(db, user, id);
    const result = await takeFlagStep(db, { id, action, note, user, now: services.now() });
    services.bus.publishSchool(user.schoolId, {
      type: 'flags',
      classIds: result.classId === null ? [] : [result.classId],
    });
    return { flag: result.flag };
  }

  return new Hono<HubEnv>()
    .get('/flags', queryParams(listQuery), async (c) => {
      const { status, before, limit } = c.req.valid('query');
      return c.json(await listFlags(db, sessionOf(c).user, { status, before, limit }));
    })
    .get(
      '/flags/:id/screenshot',
      requireRole('dsl'),
      pathParams(flagParams, NO_SUCH_FLAG),
      async (c) => {
        const { id } = c.req.valid('param');
        await checkCanSeeFlag(db, sessionOf(c).user, id);
        const row = await db
          .selectFrom('flags')
          .select('screenshot')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (row.screenshot === null || !row.screenshot.startsWith(SCREENSHOT_PREFIX)) {
          throw new HubError(404, 'This flag has no screenshot.');
        }
        const bytes = Buffer.from(row.screenshot.slice(SCREENSHOT_PREFIX.length), 'base64');
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': 'image/jpeg',
          'Content-Disposition': `inline; filename="flag-${id}.jpg"`,
        });
      },
    )
    .post(
      '/flags/:id/acknowledge',
      pathParams(flagParams, NO_SUCH_FLAG),
      jsonBody(actionBody),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await step(c, id, 'acknowledged', c.req.valid('json').action));
      },
    )
    .post(
      '/flags/:id/escalate',
      requireRole('teacher', 'admin'),
      pathParams(flagParams, NO_SUCH_FLAG),
      jsonBody(escalateBody),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await step(c, id, 'escalated', c.req.valid('json').note));
      },
    )
    .post(
      '/flags/:id/close',
      requireRole('dsl'),
      pathParams(flagParams, NO_SUCH_FLAG),
      jsonBody(actionBody),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await step(c, id, 'closed', c.req.valid('json').action));
      },
    );
}
