// The contract between a pupil's device and the hub: enrolment, the snapshot a device reads on
// every (re)connect, and the WebSocket messages each way. Both sides validate with these
// schemas, so the hub and the extension can't disagree about a payload.
import { z } from 'zod';
import { lessonSchema } from './lesson';
import { keyStageSchema } from './policy-model';

export const enrolRequestSchema = z.object({
  /** The school's enrolment token, from managed policy. */
  enrolmentToken: z.string().min(8).max(200),
  /** The signed-in Google account of the pupil (chrome.identity). */
  email: z.string().trim().toLowerCase().email().max(254),
  /** A stable id made by the device once and kept. */
  deviceId: z.string().uuid(),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const pupilSchema = z.object({
  name: z.string().max(120),
  classId: z.string().nullable(),
  keyStage: keyStageSchema,
});

export const enrolResponseSchema = z.object({
  deviceToken: z.string().min(16).max(200),
  pupil: pupilSchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const snapshotSchema = z.object({
  pupil: pupilSchema,
  /** The class's running lesson, if any; a device converges on this after any gap. */
  lesson: lessonSchema.nullable(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** How often each side proves the connection is alive (ARCHITECTURE: 20 s keepalive). */
export const KEEPALIVE_SECONDS = 20;

export const hubToDeviceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lesson.start'), lesson: lessonSchema }),
  z.object({ type: z.literal('lesson.end'), lessonId: z.string().uuid() }),
  z.object({ type: z.literal('ping') }),
]);
export type HubToDevice = z.infer<typeof hubToDeviceSchema>;

export const deviceToHubSchema = z.discriminatedUnion('type', [
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
]);
export type DeviceToHub = z.infer<typeof deviceToHubSchema>;
