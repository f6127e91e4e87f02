// Checks made on a WebSocket's HTTP upgrade, before any socket exists. A refusal here is an
// ordinary HTTP status on the upgrade (the client sees the handshake fail); `app.request()` in
// tests sees it as JSON like any other error.
import type { Context } from 'hono';
import { HubError } from './errors';
import type { HubEnv } from './hub-env';

export function requireWebSocketUpgrade(c: Context<HubEnv>): void {
  if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
    throw new HubError(426, 'This address is a WebSocket; open it with one.');
  }
}

/**
 * Browsers send the cookie with a WebSocket opened from any site, and the same-origin policy does
 * not apply to WebSockets, so the Origin header is what stops another site's page opening a
 * teacher's socket (cross-site WebSocket hijacking). It must name this hub's own host. Only the
 * host is compared, not the scheme: behind an HTTPS proxy the hub itself is reached over plain
 * HTTP while the dashboard's origin is https://, and no other site can claim the hub's host.
 */
export function requireSameOrigin(c: Context<HubEnv>): void {
  const origin = c.req.header('Origin');
  let host: string | undefined;
  try {
    const url = origin ? new URL(origin) : undefined;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) host = url.host;
  } catch {
    host = undefined;
  }
  if (!host || host !== new URL(c.req.url).host) {
    throw new HubError(
      403,
      'Open this socket from the hub’s own dashboard (the Origin is not the hub’s).',
    );
  }
}
