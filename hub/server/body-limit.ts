// Caps every request body before a handler reads it: 64 KB unless the endpoint is listed in
// `limits.largeBodies` (the roster, and uploads whose largest legal batch is bigger, such as flags
// with screenshots). Too large gets 413 with a JSON message.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { endpointKey, matchedEndpoint } from './endpoint';
import { HubError } from './errors';
import type { HubEnv } from './hub-env';
import type { HubLimits } from './limits';

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

export function limitBodies(limits: HubLimits): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const endpoint = matchedEndpoint(c);
    const maxSize = (endpoint && limits.largeBodies[endpointKey(endpoint)]) ?? limits.jsonBodyBytes;
    const limit = bodyLimit({
      maxSize,
      onError: () => {
        throw new HubError(
          413,
          `The request body is too large; the limit is ${describeBytes(maxSize)}.`,
        );
      },
    });
    return limit(c, next);
  };
}
