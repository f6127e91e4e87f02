// Reads one incoming WebSocket message against a zod schema. Sockets are long-lived, so a bad
// message is never fatal: the caller ignores it (and counts it), unless it is over the size
// limit, which closes the socket with 1009 so a client can't make the hub parse megabytes.
import type { WSMessageReceive } from 'hono/ws';
import type { z } from 'zod';

export type Incoming<T> =
  | { kind: 'message'; message: T }
  /** Binary, not JSON, or not a message the schema knows. */
  | { kind: 'ignored' }
  | { kind: 'too-large' };

export function readSocketMessage<T extends z.ZodType>(
  data: WSMessageReceive,
  schema: T,
  maxBytes: number,
): Incoming<z.infer<T>> {
  // Every message of both protocols is JSON text; a binary frame is never one.
  if (typeof data !== 'string') return { kind: 'ignored' };
  // UTF-8 is at most 3 bytes per UTF-16 unit, so the exact count is only needed near the limit.
  if (data.length * 3 > maxBytes && Buffer.byteLength(data) > maxBytes) {
    return { kind: 'too-large' };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'ignored' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { kind: 'message', message: parsed.data } : { kind: 'ignored' };
}
