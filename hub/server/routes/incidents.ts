// The incident log for the DSL and the admin: every flag with what was done and by whom, as CSV
// for the school's records, and anonymised counts over a period (or a week) for governors.
import { Hono } from 'hono';
import { z } from 'zod';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { incidentLogCsv } from '../incident-log';
import { incidentSummary } from '../incident-summary';
import { weekContaining } from '../local-week';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { rangeOf, timeRangeQuery } from '../time-range';
import { queryParams } from '../validation';

const summaryQuery = timeRangeQuery.extend({
  /** Any day of the week wanted: Monday to Sunday where the school is. */
  week: z.iso.date({ error: 'expected a date (2026-03-02) in the week' }).optional(),
});

/** A week, or `from` and `to` (time-range.ts), never both. */
function summaryRange({ week, ...range }: z.infer<typeof summaryQuery>) {
  if (week === undefined) return rangeOf(range);
  if (range.from !== undefined || range.to !== undefined) {
    throw new HubError(400, 'week: give a week, or from and to, not both');
  }
  return weekContaining(week);
}

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
    .get('/incidents/summary', safeguarding, queryParams(summaryQuery), async (c) => {
      const range = summaryRange(c.req.valid('query'));
      return c.json(await incidentSummary(db, sessionOf(c).user.schoolId, range));
    });
}
