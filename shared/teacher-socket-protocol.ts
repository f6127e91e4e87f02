// The contract between the teacher dashboard and the hub's teacher WebSocket, plus the live view
// of a class that both `GET /api/classes/:id/live` and the socket's `live` message carry. The
// dashboard imports these schemas and types; the hub validates every incoming message with them.
//
// The conversation:
//   1. Open `TEACHER_SOCKET_PATH` from the dashboard's own page (same origin) while logged in:
//      the session cookie goes with the upgrade and the Origin header must be the hub's own.
//   2. Send `hello` with the CSRF token from login or GET /api/auth/me within 5 s, or the hub
//      closes with 4401; a wrong token closes with 4403. The hub answers `ready`.
//   3. Send `watch` for each class to follow (a teacher's own; any for the DSL and admin). The
//      hub answers `live` at once and again whenever the class changes (at most ~10 a second);
//      a class the user can't see is answered `refused`. `unwatch` stops the updates.
//      Whenever one of the class's "ask to visit" requests arrives or is answered, the hub also
//      sends `requests` with the class id, and whenever Zip It, Block It, copyright or download
//      records of its pupils arrive, `pupilEvents` with the class id.
//      Send `watchFlags` to hear of flags in every class the user sees (and keyword alerts, for
//      the DSL and the admin).
//   4. Answer every `ping` with `pong`: a socket silent for 50 s is closed (4408). The hub also
//      closes the socket (4401) once the login ends (logout or expiry).
import { z } from 'zod';
import { lessonSchema } from './lesson';

export const TEACHER_SOCKET_PATH = '/api/teacher/ws';

/** Why the hub closed a teacher socket (WebSocket close codes). */
export const TEACHER_SOCKET_CLOSE = {
  /** No good hello within 5 s, or the login ended (logout or expiry): log in again. */
  unauthenticated: 4401,
  /** The hello's CSRF token is not this login's. */
  badCsrfToken: 4403,
  /** Nothing heard for 2.5 keepalive intervals. */
  silent: 4408,
  messageTooLarge: 1009,
  hubStopping: 1001,
} as const;

/**
 * Whether the pupil's filtering is known to be on, while a lesson runs (hub/server/
 * protection-state.ts says exactly when each applies). `reason` says why it is off or unknown:
 * `unsafe` (a device reported its filtering is not the school's policy), `silent` (a device heard
 * in the lesson went silent past the grace period), `not-heard` (no device heard in the lesson),
 * `no-report` (connected, no health report yet).
 */
export const protectionLiveSchema = z.object({
  state: z.enum(['on', 'off', 'unknown']),
  reason: z.enum(['unsafe', 'silent', 'not-heard', 'no-report']).nullable(),
});
export type ProtectionLive = z.infer<typeof protectionLiveSchema>;

export const pupilLiveSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  /**
   * offline: no device of the pupil has an open socket; enforcing: a device's last
   * `lesson.enforcing` names the running lesson (or null when none runs); pending: connected
   * but not (yet) confirmed. A pupil with several devices gets the best of them.
   */
  status: z.enum(['enforcing', 'pending', 'offline']),
  /** The domain the pupil is on while connected, else null (never stored). */
  domain: z.string().nullable(),
  /** When the hub last heard from any of the pupil's devices since it started, else null. */
  lastSeen: z.iso.datetime().nullable(),
  /** Null while no lesson runs: protection is judged for the lesson's pupils. */
  protection: protectionLiveSchema.nullable(),
});
export type PupilLive = z.infer<typeof pupilLiveSchema>;

export const liveViewSchema = z.object({
  /** The class's running lesson; a lesson past its end time is never shown as running. */
  lesson: lessonSchema.nullable(),
  /** Every pupil on the roster, by name. */
  pupils: z.array(pupilLiveSchema),
});
export type LiveView = z.infer<typeof liveViewSchema>;

const classId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);

export const teacherToHubSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), csrfToken: z.string().min(1).max(200) }),
  z.object({ type: z.literal('watch'), classId }),
  z.object({ type: z.literal('unwatch'), classId }),
  /**
   * Follow flags for every class the user can see (a teacher's own; the whole school for the DSL
   * and admin, who also hear of keyword alerts), whichever class is open: the hub answers
   * `flags` at once and whenever one arrives, is told more, or is handled.
   */
  z.object({ type: z.literal('watchFlags') }),
  z.object({ type: z.literal('pong') }),
]);
export type TeacherToHub = z.infer<typeof teacherToHubSchema>;

export const hubToTeacherSchema = z.discriminatedUnion('type', [
  /** The hello was good; `watch` may follow. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('live'), classId: z.number().int(), live: liveViewSchema }),
  /**
   * A request of a watched class was stored or answered (by anyone): read the class's requests
   * again (GET /api/classes/:id/requests). A nudge, not the list, so the one route stays the
   * only shape of a request the dashboard reads.
   */
  z.object({ type: z.literal('requests'), classId: z.number().int() }),
  /**
   * Records of a watched class's pupils arrived (Zip It, Block It, copyright, downloads): read
   * GET /api/classes/:id/pupil-events again. A nudge, like `requests`.
   */
  z.object({ type: z.literal('pupilEvents'), classId: z.number().int() }),
  /**
   * After `watchFlags`: a flag (or, for the DSL and admin, a keyword alert) the user can see arrived, changed or was
   * handled. Read GET /api/flags again; the dashboard sounds its alert for ids it hasn't seen.
   */
  z.object({ type: z.literal('flags') }),
  /** A watch the hub won't serve, with the reason to show. */
  z.object({ type: z.literal('refused'), classId: z.number().int(), error: z.string() }),
  z.object({ type: z.literal('ping') }),
]);
export type HubToTeacher = z.infer<typeof hubToTeacherSchema>;
