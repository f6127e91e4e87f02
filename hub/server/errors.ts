// Every error leaves the hub as JSON `{ "error": "…" }` with a status that says what went wrong,
// so the dashboard and the extension can show the message as it is.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HubError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }
}

export type ErrorLog = (message: string, error: unknown) => void;

/** Hono's own exceptions (malformed JSON, …) carry a short message worth passing on. */
function fromHttpException(error: HTTPException): {
  status: ContentfulStatusCode;
  message: string;
} {
  const status = error.status as ContentfulStatusCode;
  return { status, message: error.message || 'The request could not be handled.' };
}

export function errorHandler(log: ErrorLog) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HubError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ error: error.message }, error.status);
    }
    if (error instanceof HTTPException) {
      const { status, message } = fromHttpException(error);
      return c.json({ error: message }, status);
    }
    // Only the method and path are logged: bodies can hold pupils' details (least data).
    log(`${c.req.method} ${c.req.path} failed`, error);
    return c.json({ error: 'Something went wrong on the hub; the error is in its log.' }, 500);
  };
}

export function notFoundHandler(c: Context): Response {
  return c.json(
    { error: `There is no ${c.req.method} ${c.req.path.slice(0, 200)} on this hub.` },
    404,
  );
}
