// The incident log for the DSL and the admin: every flag with what was done and by whom, as CSV
// for the school's records, and anonymised counts over a period for governors.
import { Hono } from 'hono';
import type { HubEnv } from '../hub-env';
import { incidentLogCsv } from '../incident-log';
import { incidentSummary } from '../incident-summary';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { rangeOf, timeRangeQuery } from '../time-range';
import { queryParams } from '../validation';

export function incidentRoutes(services: HubServices) {
  const { db } = services;
  const safeguarding = requireRole('dsl', 'admin');
  return new Hono<HubEnv>()
    .get('/incidents.csv', safeguarding, async (c) => {
      const csv = await incidentLogCsv(db, sessionOf(c).user.schoolId);
      const day = services.now().toISOString().slice(0, 10);
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="incident-log-${day}.csv"`,
      });
    })
    .get('/incidents/summary', safeguarding, queryParams(timeRangeQuery), async (c) => {
      const range = rangeOf(c.req.valid('query'));
      return c.json(await incidentSummary(db, sessionOf(c).user.schoolId, range));
    });
}
