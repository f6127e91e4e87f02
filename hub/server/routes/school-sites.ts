// The school's list as the hub adds to it. Every member of staff may read it, with who asked,
// who approved, when and why; only the admin adds or removes a site (school-sites.ts), and every
// device on that key stage gets a fresh snapshot at once.
import { Hono } from 'hono';
import { z } from 'zod';
import { refreshKeyStage } from '../device-refresh';
import type { HubEnv } from '../hub-env';
import { keyStageField, reasonField, siteField } from '../list-fields';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import {
  addSchoolSite,
  listSchoolSites,
  NO_SUCH_SCHOOL_SITE,
  removeSchoolSite,
} from '../school-sites';
import type { HubServices } from '../services';
import { jsonBody, pathParams } from '../validation';

const addSiteSchema = z.object({ site: siteField, keyStage: keyStageField, reason: reasonField });

const removeSiteSchema = z.object({ reason: reasonField });

const siteParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

export function schoolSiteRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/', async (c) => {
      return c.json({ sites: await listSchoolSites(db, sessionOf(c).user.schoolId) });
    })
    .post('/', requireRole('admin'), jsonBody(addSiteSchema), async (c) => {
      const { user } = sessionOf(c);
      const { site, keyStage, reason } = c.req.valid('json');
      // Asked and approved by the admin at once.
      const added = await db.transaction().execute((trx) =>
        addSchoolSite(trx, {
          keyStage,
          site,
          reason,
          asked: user,
          approver: user,
          now: services.now(),
          changeRequestId: null,
        }),
      );
      await refreshKeyStage(services, user.schoolId, keyStage);
      return c.json({ site: added }, 201);
    })
    .post(
      '/:id/remove',
      requireRole('admin'),
      pathParams(siteParams, NO_SUCH_SCHOOL_SITE),
      jsonBody(removeSiteSchema),
      async (c) => {
        const { user } = sessionOf(c);
        const removed = await removeSchoolSite(db, {
          id: c.req.valid('param').id,
          reason: c.req.valid('json').reason,
          user,
          now: services.now(),
        });
        await refreshKeyStage(services, user.schoolId, removed.keyStage);
        return c.json({ site: removed });
      },
    );
}
