// A flag and a keyword alert as the device keeps them (IndexedDB, background/database.ts) until
// the hub confirms it holds them. The upload shapes are the hub contract (flag.ts); these add
// only what the outbox needs to know, and what the options page shows a teacher at the device.
import { z } from 'zod';
import { flagUploadSchema, keywordAlertUploadSchema } from './flag';

export const flagRecordSchema = flagUploadSchema.extend({
  /**
   * Goes up each time the pupil adds to the flag. The outbox marks a flag sent only if the
   * revision it uploaded is still the newest, so details added during an upload are sent too.
   */
  revision: z.number().int().min(0),
  /** When the hub confirmed it holds this revision; absent while it waits in the outbox. */
  sentAt: z.string().optional(),
  /** When the pupil said what happened (absent until they do). */
  detailsAt: z.string().optional(),
});
export type FlagRecord = z.infer<typeof flagRecordSchema>;

/** A flag as the options page lists it: never the screenshot, which stays out of view. */
export const flagViewSchema = flagRecordSchema
  .omit({ screenshot: true, revision: true })
  .extend({ hasScreenshot: z.boolean() });
export type FlagView = z.infer<typeof flagViewSchema>;

export const keywordAlertRecordSchema = keywordAlertUploadSchema.extend({
  sentAt: z.string().optional(),
});
export type KeywordAlertRecord = z.infer<typeof keywordAlertRecordSchema>;
