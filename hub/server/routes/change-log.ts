// The change log: every filtering change, who asked, who approved, when and why. Read a page at a
// time (newest first), or all of it as CSV for the admin and the DSL, for a filtering record.
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_CHANGE_LOG_PAGE, readChangeLog, readWholeChangeLog } from '../change-log';
import { formatCsv } from '../csv-export';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { queryParams } from '../validation';

const pageQuery = z.object({
  before: z.coerce
    .number({ error: 'expected the id of an entry' })
    .int('expected the id of an entry')
    .positive('expected the id of an entry')
    .max(2 ** 53)
    .optional(),
  limit: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(MAX_CHANGE_LOG_PAGE, `expected at most ${MAX_CHANGE_LOG_PAGE}`)
    .default(50),
});

const CSV_HEADER = ['id', 'at', 'action', 'class', 'asked_by', 'approved_by', 'reason', 'summary'];

export function changeLogRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .get('/change-log', queryParams(pageQuery), async (c) => {
      const { before, limit } = c.req.valid('query');
      return c.json(await readChangeLog(db, sessionOf(c).user, { before, limit }));
    })
    .get('/change-log.csv', requireRole('admin', 'dsl'), async (c) => {
      const entries = await readWholeChangeLog(db, sessionOf(c).user);
      const rows = entries.map((entry) => [
        entry.id,
        entry.at,
        entry.action,
        entry.class?.name ?? '',
        entry.askedBy,
        entry.approvedBy,
        entry.reason,
        entry.summary,
      ]);
      const day = services.now().toISOString().slice(0, 10);
      return c.body(formatCsv([CSV_HEADER, ...rows]), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="change-log-${day}.csv"`,
      });
    });
}
