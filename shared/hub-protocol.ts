// The contract between a pupil's device and the hub: enrolment, the snapshot a device reads on
// every (re)connect, and the WebSocket messages each way. Both sides validate with these
// schemas, so the hub and the extension can't disagree about a payload.
import { z } from 'zod';
import { deviceHealthSchema } from './device-health';
import { keywordListSchema } from './flag';
import { lessonSchema } from './lesson';
import { keyStageSchema } from './policy-model';
import { MAX_FILE_NAME, requestKindSchema } from './visit-request';

export const enrolRequestSchema = z.object({
  /** The school's enrolment token, from managed policy. */
  enrolmentToken: z.string().min(1, 'enter the enrolment token').max(200, 'too long'),
  /** The signed-in Google account of the pupil (chrome.identity). */
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('expected an email address').max(254, 'too long')),
  /** A stable id the device makes once and keeps. */
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'expected 8 to 128 letters, digits, - or _'),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deviceToken: z.string().min(16).max(200),
  /** False while the email is on no roster: the device then gets the strictest key stage. */
  assigned: z.boolean(),
  pupil: z.object({
    name: z.string().nullable(),
    classId: z.number().int().nullable(),
    keyStage: keyStageSchema,
  }),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** Most sites of a school list one snapshot carries (the device's own limits are far above). */
export const MAX_SNAPSHOT_SCHOOL_SITES = 20_000;

/**
 * A site a teacher allowed by answering an "ask to visit" request: for this pupil or the whole
 * class, for the running lesson or for the rest of the day. The device adds it to the allow side
 * (also during a focus lesson: the teacher chose it) and drops it at `until` on its own alarm,
 * even offline; a lesson-long grant also goes when the teacher ends the lesson early (the next
 * snapshot no longer holds it).
 */
export const grantSchema = z.object({
  /** The request it answers. */
  requestId: z.uuid(),
  /** Canonical site text (formatSiteEntry of the request's exact host). */
  site: z.string().min(1).max(2048),
  until: z.iso.datetime({ offset: true }),
});
export type Grant = z.infer<typeof grantSchema>;

/** How the hub answered one of this device's "ask to visit" requests. */
export const requestAnswerSchema = z.object({
  id: z.uuid(),
  status: z.enum(['allowed', 'denied']),
  answeredAt: z.iso.datetime({ offset: true }),
});
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;

/**
 * What a device reads on every (re)connect, and converges on after any gap. The hub sends a
 * fresh one whenever anything in it changes, so there is one way for a device to learn of
 * anything: grants, answers and school list changes all arrive as a new snapshot.
 */
export const snapshotSchema = z.object({
  pupil: z.object({ name: z.string() }).nullable(),
  classId: z.number().int().nullable(),
  /** The class's key stage; the strictest one while the pupil is on no roster (fail closed). */
  keyStage: keyStageSchema,
  /** The class's running lesson, if any. */
  lesson: lessonSchema.nullable(),
  /** Grants in force for this pupil now (their own and their class's). */
  grants: z.array(grantSchema).max(500).default([]),
  /**
   * Sites the admin added to the school's list for this key stage at the hub (an approved
   * change request, or the admin's own addition): canonical site text, allowed on top of the
   * managed and local lists. Not for a focus lesson, which allows only its own sites.
   */
  schoolSites: z.array(z.string().min(1).max(2048)).max(MAX_SNAPSHOT_SCHOOL_SITES).default([]),
  /** Answers to this device's requests from the last 24 hours, newest first. */
  answers: z.array(requestAnswerSchema).max(200).default([]),
  /**
   * The school's keyword list (the DSL edits it at the hub), matched on the device against
   * search terms and page titles (shared/flag.ts). Empty: no keyword monitoring from the hub.
   */
  keywords: keywordListSchema.default([]),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** How often each side proves the connection is alive (ARCHITECTURE: 20 s keepalive). */
export const KEEPALIVE_SECONDS = 20;

/** Where a device opens its WebSocket on the hub. */
export const DEVICE_SOCKET_PATH = '/api/device/ws';

/** Why the hub closed a device socket (WebSocket close codes). */
export const DEVICE_SOCKET_CLOSE = {
  /**
   * No hello within 5 s, a first message that isn't hello, or a device token the hub doesn't
   * know: a device whose token was refused enrols again.
   */
  unauthenticated: 4401,
  /** Nothing heard for 2.5 keepalive intervals (a `pong` to every `ping` keeps it open). */
  silent: 4408,
  /** Too many connections from this device in a minute: reconnect later, with backoff. */
  tooManyConnections: 4429,
  /** A message over 16 KB. */
  messageTooLarge: 1009,
  hubStopping: 1001,
} as const;

export const hubToDeviceSchema = z.discriminatedUnion('type', [
  /** The first message after a good `hello`, and again whenever the class's state changes. */
  z.object({ type: z.literal('snapshot'), snapshot: snapshotSchema }),
  z.object({ type: z.literal('lesson.start'), lesson: lessonSchema }),
  z.object({ type: z.literal('lesson.end'), lessonId: z.string().uuid() }),
  z.object({ type: z.literal('ping') }),
]);
export type HubToDevice = z.infer<typeof hubToDeviceSchema>;

export const deviceToHubSchema = z.discriminatedUnion('type', [
  /**
   * Must be the first message: a browser WebSocket can't send an Authorization header, and a
   * token in the URL would end up in logs. The hub closes a socket that doesn't say hello.
   */
  z.object({ type: z.literal('hello'), deviceToken: z.string().min(16).max(200) }),
  /**
   * Sent once the device has the lesson's rules installed in DNR (null: no lesson), so the
   * dashboard can show each pupil as enforcing, pending or offline.
   */
  z.object({
    type: z.literal('lesson.enforcing'),
    lessonId: z.string().uuid().nullable(),
    policyHash: z.string().max(40),
  }),
  /** The site the pupil is on, as its domain only (least data). */
  z.object({ type: z.literal('site'), domain: z.string().max(253).nullable() }),
  z.object({ type: z.literal('pong') }),
  /**
   * The device's health (shared/device-health.ts): when the socket opens, after every policy
   * change and every minute. The hub keeps the latest per device and shows protection from it.
   */
  z.object({ type: z.literal('health'), health: deviceHealthSchema }),
]);
export type DeviceToHub = z.infer<typeof deviceToHubSchema>;

/** Most "ask to visit" requests a device sends in one upload. */
export const MAX_VISIT_REQUESTS_PER_UPLOAD = 50;

/**
 * One "ask to visit" request from the device's outbox, sent to `POST /api/device/requests`.
 * The id is made on the device, so sending it again can never make a second request.
 */
export const visitRequestUploadSchema = z.object(
  {
    id: z.uuid('expected a UUID'),
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http or https address' })
      .max(2048, 'is longer than 2048 characters'),
    reason: z.string({ error: 'expected text' }).max(500, 'is longer than 500 characters'),
    /** When the pupil asked, by the device's clock. */
    createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO date and time' }),
    /** 'download': one held file (url is the file's address), allowed once; default 'visit'. */
    kind: requestKindSchema.optional(),
    /** A download's file name, as the pupil saw it. */
    fileName: z
      .string({ error: 'expected text' })
      .min(1, 'is empty')
      .max(MAX_FILE_NAME, `is longer than ${MAX_FILE_NAME} characters`)
      .optional(),
  },
  { error: 'expected a request (id, url, reason, createdAt)' },
);
export type VisitRequestUpload = z.infer<typeof visitRequestUploadSchema>;

/** The upload as both sides check it: a download request must name its file. */
export const checkedRequestUploadSchema = visitRequestUploadSchema.superRefine(
  (request, context) => {
    if (request.kind === 'download' && request.fileName === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['fileName'],
        message: 'a download needs its file name',
      });
    }
  },
);

/** The answer to an upload, once every request in it is stored durably. */
export const visitRequestUploadResponseSchema = z.object({
  /**
   * Every id of the upload the hub holds for this device, including ones it already held from
   * an earlier try: the device may drop them all from its outbox.
   */
  stored: z.array(z.uuid()),
  /**
   * Ids the hub already holds from another device. They are not overwritten and not stored for
   * this device; the device should give the request a new id (never expected from real UUIDs).
   */
  conflicts: z.array(z.uuid()),
});
export type VisitRequestUploadResponse = z.infer<typeof visitRequestUploadResponseSchema>;
