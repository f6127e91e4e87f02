// Request validation with zod at the boundary. A bad body is answered with the field and what
// was wrong (`keyStage: expected 'ks1' or 'ks2'`), so whoever sent it can fix it.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z } from 'zod';
import { HubError } from './errors';

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

export function describeIssues(issues: readonly IssueLike[]): string {
  return issues
    .slice(0, 5)
    .map((issue) =>
      issue.path.length > 0
        ? `${issue.path.map(String).join('.')}: ${issue.message}`
        : issue.message,
    )
    .join('; ');
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Validates a JSON body; anything but `Content-Type: application/json` gets 415. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result, c: Context) => {
    if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      throw new HubError(415, 'Send the body as JSON (Content-Type: application/json).');
    }
    if (!result.success) throw new HubError(400, describeIssues(result.error.issues));
  });
}

/** Validates path parameters; one that can't be valid names nothing, so it is a 404. */
export function pathParams<T extends z.ZodType>(schema: T, notFound: string) {
  return zValidator('param', schema, (result) => {
    if (!result.success) throw new HubError(404, notFound);
  });
}

/** Validates the query string, naming the field and what was wrong, as for a body. */
export function queryParams<T extends z.ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) throw new HubError(400, describeIssues(result.error.issues));
  });
}

/** A name people will read (class, pupil): trimmed, not empty, no control characters. */
export function displayText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'is empty')
    .max(max, `is longer than ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'has a control character in it');
}
