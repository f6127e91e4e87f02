// What a pupil's device reports from its outbox with the device token: flags ("Flag It") and
// keyword alerts. Each is answered only once the transaction holding it has committed
// (synchronous = FULL), listing every id the hub now holds for the device, which it may then drop
// from its outbox (ARCHITECTURE rule 3). Whoever may see what arrived hears of it at once.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  flagUploadSchema,
  keywordAlertUploadSchema,
  MAX_FLAGS_PER_UPLOAD,
  MAX_KEYWORD_ALERTS_PER_UPLOAD,
  uploadResponseSchema,
} from '../../../shared/flag';
import { storeFlags } from '../flags';
import type { HubEnv } from '../hub-env';
import { storeKeywordAlerts } from '../keyword-alerts';
import { deviceOf } from '../request-identity';
import type { HubServices } from '../services';
import { checkUploadItems } from '../upload-items';
import { jsonBody } from '../validation';

type UploadResponse = z.infer<typeof uploadResponseSchema>;

// Each item is checked on its own (checkUploadItems), so a bad one is named by its position.
const flagsBody = z.object({
  flags: z
    .array(z.unknown(), { error: 'expected a list of flags' })
    .min(1, 'send at least one flag')
    .max(MAX_FLAGS_PER_UPLOAD, `send at most ${MAX_FLAGS_PER_UPLOAD} flags`),
});

const alertsBody = z.object({
  alerts: z
    .array(z.unknown(), { error: 'expected a list of keyword alerts' })
    .min(1, 'send at least one keyword alert')
    .max(
      MAX_KEYWORD_ALERTS_PER_UPLOAD,
      `send at most ${MAX_KEYWORD_ALERTS_PER_UPLOAD} keyword alerts`,
    ),
});

export function deviceReportRoutes(services: HubServices) {
  const { db, bus } = services;
  return new Hono<HubEnv>()
    .post('/flags', jsonBody(flagsBody), async (c) => {
      const device = deviceOf(c);
      const flags = checkUploadItems(c.req.valid('json').flags, flagUploadSchema, 'flags');
      const result = await storeFlags(db, device, flags, services.now());
      // After the commit; a retry that told the hub nothing new tells nobody.
      if (result.changed > 0) {
        bus.publishSchool(device.schoolId, { type: 'flags', classIds: result.classIds });
      }
      const answer: UploadResponse = { stored: result.stored, conflicts: result.conflicts };
      return c.json(answer);
    })
    .post('/keyword-alerts', jsonBody(alertsBody), async (c) => {
      const device = deviceOf(c);
      const alerts = checkUploadItems(
        c.req.valid('json').alerts,
        keywordAlertUploadSchema,
        'alerts',
      );
      const result = await storeKeywordAlerts(db, device, alerts, services.now());
      // Only the DSL and the admin see keyword alerts: no class's teacher is told.
      if (result.added > 0) bus.publishSchool(device.schoolId, { type: 'flags', classIds: [] });
      const answer: UploadResponse = { stored: result.stored, conflicts: result.conflicts };
      return c.json(answer);
    });
}
