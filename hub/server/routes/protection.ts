// Protection state for staff: a class's devices' latest health reports (the class's teacher, the
// DSL, the admin; anyone else is told the class doesn't exist), and the school's protection
// alerts (the DSL and the admin, who see every class). The live "Protection on / off / unknown"
// badge itself rides on the class's live view.
import { Hono } from 'hono';
import { z } from 'zod';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { classHealth } from '../device-health';
import type { HubEnv } from '../hub-env';
import { listProtectionAlerts, MAX_PROTECTION_ALERTS_PAGE } from '../protection-alerts';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { pathParams, queryParams } from '../validation';
import { classIdParams } from './classes';
import { pageQuery } from './page-query';

const alertsQuery = pageQuery(MAX_PROTECTION_ALERTS_PAGE).extend({
  status: z.enum(['open', 'all'], { error: "expected 'open' or 'all'" }).default('open'),
});

export function protectionRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/classes/:id/device-health', pathParams(classIdParams, NO_SUCH_CLASS), async (c) => {
      const found = await findVisibleClass(db, sessionOf(c).user, c.req.valid('param').id);
      return c.json({ devices: await classHealth(db, found.id) });
    })
    .get('/protection-alerts', requireRole('dsl', 'admin'), queryParams(alertsQuery), async (c) => {
      const { status, before, limit } = c.req.valid('query');
      return c.json(
        await listProtectionAlerts(db, sessionOf(c).user.schoolId, { status, before, limit }),
      );
    });
}
