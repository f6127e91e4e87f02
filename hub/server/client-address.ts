// The address a request came from, for rate limits. Forwarded-for headers are not trusted: any
// client can write them. A hub behind a proxy would need a setting naming that proxy.
import type { Context } from 'hono';
import type { HubEnv } from './hub-env';

export function clientAddress(c: Context<HubEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
