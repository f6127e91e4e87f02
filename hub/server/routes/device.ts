// Pupil devices: enrol with the school's enrolment token and the pupil's account email, then
// read the snapshot (with the class's running lesson) with the device token. An email on no roster still enrols, as "unassigned"
// on the strictest key stage, and the admin sees it in GET /api/devices/unassigned.
import { Hono } from 'hono';
import { enrolRequestSchema } from '../../../shared/hub-protocol';
import { clientAddress } from '../client-address';
import { enrolDevice, findDeviceByToken } from '../devices';
import { deviceSnapshot } from '../device-snapshot';
import { HubError } from '../errors';
import type { HubEnv } from '../hub-env';
import { deviceOf } from '../request-identity';
import type { HubServices } from '../services';
import { sameSecret } from '../tokens';
import { jsonBody } from '../validation';

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
    .get('/snapshot', async (c) => c.json(await deviceSnapshot(db, deviceOf(c), services.now())));
}
