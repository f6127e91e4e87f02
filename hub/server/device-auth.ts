// Authenticates a pupil device by `Authorization: Bearer <device token>` and applies the
// per-device rate limit. A device token opens /api/device/* and nothing else (access-gate.ts).
import type { Context } from 'hono';
import { findDeviceByToken } from './devices';
import { HubError } from './errors';
import type { DeviceIdentity, HubEnv } from './hub-env';
import type { HubServices } from './services';
import { issuedTokenSchema } from './tokens';

const BEARER = /^Bearer ([^\s]+)$/;

export function bearerToken(c: Context<HubEnv>): string | undefined {
  return BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
}

export async function authenticateDevice(
  c: Context<HubEnv>,
  services: HubServices,
): Promise<DeviceIdentity> {
  const token = bearerToken(c);
  if (!token || !issuedTokenSchema.safeParse(token).success) {
    throw new HubError(401, 'This needs the device token from enrolment (Authorization: Bearer).');
  }
  const device = await findDeviceByToken(services.db, token);
  if (!device) throw new HubError(401, 'This device token is not known; enrol the device again.');
  const wait = services.limiters.device.take(String(device.id));
  if (wait > 0) {
    throw new HubError(429, `Too many requests from this device; try again in ${wait} s.`, {
      'Retry-After': String(wait),
    });
  }
  return device;
}
