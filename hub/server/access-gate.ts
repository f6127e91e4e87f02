// One gate in front of every endpoint, so no route can forget its check (fail closed):
// - the public endpoints below need nothing;
// - the device WebSocket is opened with nothing, and its first message must carry the device
//   token (browsers can't send headers on a WebSocket); routes/device-socket.ts checks it;
// - /api/device/* needs a device token, and a device token opens nothing else;
// - every other endpoint needs a teacher's session cookie, and a change also its CSRF token.
// Roles (teacher, DSL, admin) are checked by the routes themselves (roles.ts).
// The dashboard's files (static.ts) and the self-hosted extension's update manifest and CRXs
// (extension-release.ts) are public files, answered before this gate: they are not endpoints.
import type { Context, MiddlewareHandler } from 'hono';
import { DEVICE_SOCKET_PATH } from '../../shared/hub-protocol';
import { checkCsrf, CSRF_HEADER } from './csrf';
import { authenticateDevice, bearerToken } from './device-auth';
import { endpointKey, matchedEndpoint, type Endpoint } from './endpoint';
import { HubError } from './errors';
import type { HubEnv, TeacherSession } from './hub-env';
import type { HubServices } from './services';
import { findSession, readSessionCookie } from './sessions';

export const PUBLIC_ENDPOINTS: ReadonlySet<string> = new Set([
  'POST /api/auth/login',
  'POST /api/device/enrol',
]);

/** Endpoints that authenticate in their first message: only the device WebSocket. */
export const HELLO_ENDPOINTS: ReadonlySet<string> = new Set([`GET ${DEVICE_SOCKET_PATH}`]);

export type Access = 'public' | 'hello' | 'device' | 'teacher';

export function accessFor(endpoint: Endpoint): Access {
  if (PUBLIC_ENDPOINTS.has(endpointKey(endpoint))) return 'public';
  if (HELLO_ENDPOINTS.has(endpointKey(endpoint))) return 'hello';
  return endpoint.path.startsWith('/api/device/') ? 'device' : 'teacher';
}

async function authenticateTeacher(
  c: Context<HubEnv>,
  services: HubServices,
): Promise<TeacherSession> {
  const session = await findSession(services.db, readSessionCookie(c), services.now());
  if (!session) {
    throw new HubError(
      401,
      bearerToken(c)
        ? 'A device token cannot be used here; this is for logged-in teachers.'
        : 'Log in as a teacher first.',
    );
  }
  checkCsrf(c.req.method, c.req.header(CSRF_HEADER), session);
  return session;
}

export function accessGate(services: HubServices): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const endpoint = matchedEndpoint(c);
    // No endpoint matches: let the request fall through to the JSON 404.
    if (!endpoint) return next();
    const access = accessFor(endpoint);
    if (access === 'teacher') c.set('session', await authenticateTeacher(c, services));
    if (access === 'device') c.set('device', await authenticateDevice(c, services));
    await next();
  };
}
