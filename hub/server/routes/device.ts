// Pupil devices: enrol with the school's enrolment token and the pupil's account email, then
// read the snapshot (with the class's running lesson) and upload "ask to visit" requests with
// the device token. An email on no roster still enrols, as "unassigned"
// on the strictest key stage, and the admin sees it in GET /api/devices/unassigned. Flags and
// keyword alerts are uploaded the same way (device-reports.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import {
  enrolRequestSchema,
  checkedRequestUploadSchema,
  MAX_VISIT_REQUESTS_PER_UPLOAD,
  type VisitRequestUploadResponse,
} from '../../../shared/hub-protocol';
import { clientAddress } from '../client-address';
import { enrolDevice, findDeviceByToken } from '../devices';
import { deviceSnapshot } from '../device-snapshot';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { deviceOf } from '../request-identity';
import type { HubServices } from '../services';
import { sameSecret } from '../tokens';
import { checkUploadItems, uploadList } from '../upload-items';
import { jsonBody } from '../validation';
import { storeVisitRequests } from '../visit-requests';

const requestUploadSchema = z.object({
  requests: uploadList({ one: 'request', many: 'requests' }, MAX_VISIT_REQUESTS_PER_UPLOAD),
});

export function deviceRoutes(services: HubServices) {
  const { db } = services;
  return new Hono<HubEnv>()
    .post('/enrol', jsonBody(enrolRequestSchema), async (c) => {
      const wait = services.limiters.enrolPerAddress.take(clientAddress(c));
      if (wait > 0) {
        throw new HubError(429, `Too many enrolments from this address; try again in ${wait} s.`, {
          'Retry-After': String(wait),
        });
      }
      const { enrolmentToken, email, deviceId } = c.req.valid('json');
      // Every school is compared, without stopping early, so timing doesn't leak the token.
      const schools = await db.selectFrom('schools').select(['id', 'enrolment_token']).execute();
      const school = schools.filter((row) => sameSecret(enrolmentToken, row.enrolment_token))[0];
      if (!school) throw new HubError(401, 'The enrolment token is not this hub’s.');
      const deviceToken = await enrolDevice(db, {
        schoolId: school.id,
        deviceId,
        email,
        now: services.now(),
      });
      const device = await findDeviceByToken(db, deviceToken);
      if (!device) throw new Error('An enrolled device could not be read back.');
      const snapshot = await deviceSnapshot(db, device, services.now());
      return c.json({
        deviceToken,
        assigned: device.pupil !== null,
        pupil: {
          name: snapshot.pupil?.name ?? null,
          classId: snapshot.classId,
          keyStage: snapshot.keyStage,
        },
      });
    })
    .get('/snapshot', async (c) => c.json(await deviceSnapshot(db, deviceOf(c), services.now())))
    .post('/requests', jsonBody(requestUploadSchema), async (c) => {
      const device = deviceOf(c);
      const requests = checkUploadItems(
        c.req.valid('json').requests,
        checkedRequestUploadSchema,
        'requests',
      );
      // Answered only after the transaction has committed (synchronous = FULL): the device
      // drops what is listed as stored from its outbox (ARCHITECTURE rule 3).
      const { stored, conflicts, added } = await storeVisitRequests(
        db,
        device,
        requests,
        services.now(),
      );
      // The class's teachers read their list again; a retry that adds nothing tells nobody.
      if (added > 0 && device.pupil) {
        services.bus.publish(device.pupil.classId, { type: 'requests' });
      }
      const answer: VisitRequestUploadResponse = { stored, conflicts };
      return c.json(answer);
    });
}
