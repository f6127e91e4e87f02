// Who is calling, as the access gate found them. Each getter refuses if the gate found no one,
// so a route mounted outside the gate's rules fails closed rather than running anonymously.
import type { Context } from 'hono';
import { HubError } from './errors';
import type { DeviceIdentity, HubEnv, TeacherSession } from './hub-env';

export function sessionOf(c: Context<HubEnv>): TeacherSession {
  const session = c.get('session');
  if (!session) throw new HubError(401, 'Log in as a teacher first.');
  return session;
}

export function deviceOf(c: Context<HubEnv>): DeviceIdentity {
  const device = c.get('device');
  if (!device) throw new HubError(401, 'This needs the device token from enrolment.');
  return device;
}
