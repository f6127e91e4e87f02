// Roster upload: `POST /api/classes/:id/roster` with a CSV body (text/csv, up to 1 MB, see
// limits.ts). The admin or the class's own teacher may import; a teacher of another class is
// told the class does not exist.
import { Hono } from 'hono';
import { findVisibleClass, NO_SUCH_CLASS } from '../classes';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { sessionOf } from '../request-identity';
import { readRosterCsv } from '../roster-csv';
import { importRoster } from '../roster-import';
import type { HubServices } from '../services';
import { pathParams } from '../validation';
import { classIdParams } from './classes';

const CSV_TYPE = /^text\/csv\s*(;|$)/i;
/** A file of thousands of bad lines is answered with the first ones and a count. */
const ERRORS_SHOWN = 100;

export function rosterRoutes(services: HubServices) {
  return new Hono<HubEnv>().post(
    '/:id/roster',
    pathParams(classIdParams, NO_SUCH_CLASS),
    async (c) => {
      const { user } = sessionOf(c);
      const found = await findVisibleClass(services.db, user, c.req.valid('param').id);
      if (user.role !== 'admin' && found.teacher.id !== user.id) {
        throw new HubError(403, "Only an admin or the class's teacher can change its roster.");
      }
      if (!CSV_TYPE.test(c.req.header('Content-Type') ?? '')) {
        throw new HubError(415, 'Send the roster as CSV (Content-Type: text/csv).');
      }
      const reading = readRosterCsv(await c.req.text(), found.name);
      const result = await importRoster(services.db, {
        schoolId: user.schoolId,
        classId: found.id,
        rows: reading.rows,
        mayMovePupils: user.role === 'admin',
        now: services.now(),
      });
      const errors = [...reading.errors, ...result.errors].sort((a, b) => a.line - b.line);
      return c.json({
        added: result.added,
        updated: result.updated,
        unchanged: result.unchanged,
        errorCount: errors.length,
        errors: errors.slice(0, ERRORS_SHOWN),
        ignoredColumns: reading.ignoredColumns,
      });
    },
  );
}
