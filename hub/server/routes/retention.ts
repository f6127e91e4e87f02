// How long the hub keeps each record type, for the admin: every type with its period (or what it
// is kept while), the reason for the default, and the school's latest sweeps; changing a period
// (within the bounds the registry gives) is logged in the change log with the reason.
import { Hono } from 'hono';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { recentSweeps } from '../retention/retention-sweep';
import {
  checkPeriods,
  readRetention,
  retentionBody,
  setRetention,
} from '../retention/retention-settings';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { jsonBody } from '../validation';

export function retentionRoutes(services: HubServices) {
  const { db } = services;
  const read = async (schoolId: number) => ({
    types: await readRetention(db, schoolId),
    sweeps: await recentSweeps(db, schoolId),
  });
  return new Hono<HubEnv>()
    .get('/retention', requireRole('admin'), async (c) => {
      return c.json(await read(sessionOf(c).user.schoolId));
    })
    .put('/retention', requireRole('admin'), jsonBody(retentionBody), async (c) => {
      const { user } = sessionOf(c);
      const { days, reason } = c.req.valid('json');
      const changed = await setRetention(db, {
        user,
        periods: checkPeriods(days),
        reason,
        now: services.now(),
      });
      return c.json({ changed, ...(await read(user.schoolId)) });
    });
}
