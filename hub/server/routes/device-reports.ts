// What a pupil's device reports from its outbox with the device token: flags ("Flag It"),
// keyword alerts, Zip It, Block It, copyright and download records, and the filtering record. Each is answered only
// once the transaction holding it has committed (synchronous = FULL), listing every id the hub
// now holds for the device, which it may then drop from its outbox (ARCHITECTURE rule 3). Whoever may see what arrived hears of it at once.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  flagUploadSchema,
  keywordAlertUploadSchema,
  MAX_FLAGS_PER_UPLOAD,
  MAX_KEYWORD_ALERTS_PER_UPLOAD,
  uploadResponseSchema,
} from '../../../shared/flag';
import { MAX_PUPIL_EVENTS_PER_UPLOAD, pupilEventUploadSchema } from '../../../shared/pupil-event';
import {
  filteringRecordUploadSchema,
  MAX_FILTERING_RECORDS_PER_UPLOAD,
} from '../../../shared/filtering-record';
import { storeFilteringRecords } from '../filtering-records';
import { storeFlags } from '../flags';
import type { HubEnv } from '../hub-env';
import { storeKeywordAlerts } from '../keyword-alerts';
import { storePupilEvents } from '../pupil-events';
import { deviceOf } from '../request-identity';
import type { HubServices } from '../services';
import { checkUploadItems, uploadList } from '../upload-items';
import { jsonBody } from '../validation';

type UploadResponse = z.infer<typeof uploadResponseSchema>;

const flagsBody = z.object({
  flags: uploadList({ one: 'flag', many: 'flags' }, MAX_FLAGS_PER_UPLOAD),
});

const alertsBody = z.object({
  alerts: uploadList(
    { one: 'keyword alert', many: 'keyword alerts' },
    MAX_KEYWORD_ALERTS_PER_UPLOAD,
  ),
});

const eventsBody = z.object({
  events: uploadList({ one: 'pupil event', many: 'pupil events' }, MAX_PUPIL_EVENTS_PER_UPLOAD),
});

const filteringRecordsBody = z.object({
  records: uploadList(
    { one: 'filtering record', many: 'filtering records' },
    MAX_FILTERING_RECORDS_PER_UPLOAD,
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
    })
    .post('/pupil-events', jsonBody(eventsBody), async (c) => {
      const device = deviceOf(c);
      const events = checkUploadItems(c.req.valid('json').events, pupilEventUploadSchema, 'events');
      const result = await storePupilEvents(db, device, events, services.now());
      // The class's teachers read its records again; a retry that adds nothing tells nobody.
      if (result.added > 0 && device.pupil) {
        bus.publish(device.pupil.classId, { type: 'pupilEvents' });
      }
      const answer: UploadResponse = { stored: result.stored, conflicts: result.conflicts };
      return c.json(answer);
    })
    .post('/filtering-records', jsonBody(filteringRecordsBody), async (c) => {
      const device = deviceOf(c);
      const records = checkUploadItems(
        c.req.valid('json').records,
        filteringRecordUploadSchema,
        'records',
      );
      // The filtering record is read in the weekly summary and subject access: nobody is told.
      const result = await storeFilteringRecords(db, device, records, services.now());
      const answer: UploadResponse = { stored: result.stored, conflicts: result.conflicts };
      return c.json(answer);
    });
}
