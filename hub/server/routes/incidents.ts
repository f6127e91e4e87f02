// The incident log for the DSL and the admin: every flag with what was done and by whom, as CSV
// for the school's records, and anonymised counts over a period (or a week) for governors.
import { Hono } from 'hono';
import { z } from 'zod';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { incidentLogCsv } from '../incident-log';
import { incidentSummary } from '../incident-summary';
import { endOfLocalDay, startOfLocalDate } from '../local-day';
import { weekContaining } from '../local-week';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { queryParams } from '../validation';

/** A date (a whole day where the school is) or an exact time. */
const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2026-03-02) or an ISO date and time',
});

const summaryQuery = z.object({
  from: bound.optional(),
  to: bound.optional(),
  /** Any day of the week wanted: Monday to Sunday where the school is. */
  week: z.iso.date({ error: 'expected a date (2026-03-02) in the week' }).optional(),
});

const isDate = (text: string) => text.length === 10;

/** `from` a date starts at its first instant; `to` a date includes that whole day. */
function rangeOf(query: z.infer<typeof summaryQuery>) {
  if (query.week !== undefined) {
    if (query.from !== undefined || query.to !== undefined) {
      throw new HubError(400, 'week: give a week, or from and to, not both');
    }
    return weekContaining(query.week);
  }
  const from =
    query.from === undefined
      ? undefined
      : isDate(query.from)
        ? startOfLocalDate(query.from)
        : new Date(query.from);
  const to =
    query.to === undefined
      ? undefined
      : isDate(query.to)
        ? endOfLocalDay(startOfLocalDate(query.to))
        : new Date(query.to);
  if (from && to && from >= to) throw new HubError(400, 'to: expected a time after from');
  return { from, to };
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
      const range = rangeOf(c.req.valid('query'));
      return c.json(await incidentSummary(db, sessionOf(c).user.schoolId, range));
    });
}
