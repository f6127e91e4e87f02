// Which endpoint a request is for, as `METHOD /route/:pattern`, decided by Hono's router before
// any handler runs. Access and body limits are chosen by endpoint, so a route can't be added
// without them: an endpoint nobody listed is a teacher endpoint with the default limit.
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { METHOD_NAME_ALL } from 'hono/router';

export interface Endpoint {
  method: string;
  path: string;
}

/** The first route (not middleware) matching the request, or undefined when none does (404). */
export function matchedEndpoint(c: Context): Endpoint | undefined {
  const route = matchedRoutes(c).find((candidate) => candidate.method !== METHOD_NAME_ALL);
  return route && { method: route.method, path: route.path };
}

export const endpointKey = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
