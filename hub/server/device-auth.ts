// Authenticates a pupil device by its device token and applies the per-device rate limit: from
// `Authorization: Bearer <device token>` on /api/device/* (a device token opens nothing else,
// access-gate.ts), or from the `hello` that opens the device WebSocket.
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

/** The device the token belongs to, counted against its rate limit; else 401 or 429. */
export async function authenticateDeviceToken(
  services: HubServices,
  token: string | undefined,
  missing: string,
): Promise<DeviceIdentity> {
  if (!token || !issuedTokenSchema.safeParse(token).success) throw new HubError(401, missing);
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

export function authenticateDevice(
  c: Context<HubEnv>,
  services: HubServices,
): Promise<DeviceIdentity> {
  return authenticateDeviceToken(
    services,
    bearerToken(c),
    'This needs the device token from enrolment (Authorization: Bearer).',
  );
}
