// The school's keyword list and the alerts it raises, for the DSL and the admin. A change to the
// list is logged (keywords.ts) and reaches every connected device of the school, on a roster or
// not, in a fresh snapshot.
import { Hono } from 'hono';
import { z } from 'zod';
import { refreshSchool } from '../device-refresh';
import type { HubEnv } from '../hub-env';
import { listKeywordAlerts, MAX_KEYWORD_ALERTS_PAGE } from '../keyword-alerts';
import { keywordsField, readKeywordList, setKeywordList } from '../keywords';
import { noteField } from '../list-fields';
import { sessionOf } from '../request-identity';
import { requireRole } from '../roles';
import type { HubServices } from '../services';
import { jsonBody, queryParams } from '../validation';
import { pageQuery } from './page-query';

const keywordListBody = z.object({
  keywords: keywordsField,
  /** Why, for the change log; optional, since the words added and removed are logged anyway. */
  reason: noteField.default(''),
});

export function keywordRoutes(services: HubServices) {
  const { db } = services;
  const safeguarding = requireRole('dsl', 'admin');
  return new Hono<HubEnv>()
    .get('/keywords', safeguarding, async (c) => {
      return c.json(await readKeywordList(db, sessionOf(c).user.schoolId));
    })
    .put('/keywords', safeguarding, jsonBody(keywordListBody), async (c) => {
      const { user } = sessionOf(c);
      const { keywords, reason } = c.req.valid('json');
      const { list, changed } = await setKeywordList(db, {
        user,
        keywords,
        reason,
        now: services.now(),
      });
      if (changed) await refreshSchool(services, user.schoolId);
      return c.json(list);
    })
    .get(
      '/keyword-alerts',
      safeguarding,
      queryParams(pageQuery(MAX_KEYWORD_ALERTS_PAGE)),
      async (c) => {
        const { before, limit } = c.req.valid('query');
        return c.json(await listKeywordAlerts(db, sessionOf(c).user.schoolId, { before, limit }));
      },
    );
}
