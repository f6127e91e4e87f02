// "Flag It": what a pupil's flag holds, and the keyword alerts a device raises. The device makes
// every id, so a flag sent twice (a retry after the hub restarted) is still one flag at the hub.
// No page text and no screenshot unless the school switched screenshots on (managed policy
// `flagScreenshots`): the content might be illegal imagery, and a school's procedure is to record
// the address and let the DSL preserve evidence.
import { z } from 'zod';

/**
 * What happened, in the pupil's words (the extension's _locales hold them): KS2 "It upset me",
 * "Someone was unkind", "Someone asked to meet me or for my details", "Something else"; KS1 the
 * same as pictures. Null until the pupil says (pressing Flag It alone already tells the teacher).
 */
export const FLAG_REASONS = ['upset', 'unkind', 'contact', 'other'] as const;
export const flagReasonSchema = z.enum(FLAG_REASONS);
export type FlagReason = z.infer<typeof flagReasonSchema>;

/** Where the pupil pressed Flag It, for the incident log (how pupils reach the button). */
export const flagSourceSchema = z.enum([
  'popup',
  'shortcut',
  'context-menu',
  'block-page',
  'prompt',
]);
export type FlagSource = z.infer<typeof flagSourceSchema>;

export const MAX_FLAG_NOTE = 500;
export const MAX_FLAG_TITLE = 300;
/** A JPEG data URL of the visible tab, only when the school switched screenshots on. */
export const MAX_FLAG_SCREENSHOT_CHARS = 400_000;

/**
 * One flag as the device uploads it to `POST /api/device/flags`. Sent first at the press (reason
 * null, note empty), and again with the same id once the pupil says what happened: the hub keeps
 * the first copy and fills in a reason, note or screenshot it didn't have, and never makes a
 * second flag or loses a reason it already has.
 */
export const flagUploadSchema = z.object(
  {
    id: z.uuid('expected a UUID'),
    /** The page the pupil was on (any scheme: a flag from a block page names the blocked page). */
    url: z.string({ error: 'expected text' }).max(2048, 'is longer than 2048 characters'),
    title: z
      .string({ error: 'expected text' })
      .max(MAX_FLAG_TITLE, `is longer than ${MAX_FLAG_TITLE} characters`),
    reason: flagReasonSchema.nullable(),
    note: z
      .string({ error: 'expected text' })
      .max(MAX_FLAG_NOTE, `is longer than ${MAX_FLAG_NOTE} characters`),
    source: flagSourceSchema,
    /** When the pupil pressed, by the device's clock. */
    createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO date and time' }),
    screenshot: z
      .string()
      .regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/=]+$/, 'expected a JPEG data URL')
      .max(MAX_FLAG_SCREENSHOT_CHARS, 'is too large')
      .nullable(),
  },
  { error: 'expected a flag (id, url, title, reason, note, source, createdAt, screenshot)' },
);
export type FlagUpload = z.infer<typeof flagUploadSchema>;

/** Most flags a device sends in one upload (a screenshot each may be up to 400 KB). */
export const MAX_FLAGS_PER_UPLOAD = 5;

/**
 * A school keyword (self-harm, abuse, extremism; the DSL edits the list at the hub) found in a
 * search term or a page title on the device. Holds the matched term and the address, never the
 * page's text (ARCHITECTURE rule 4). Sent to `POST /api/device/keyword-alerts`.
 */
export const keywordAlertUploadSchema = z.object(
  {
    id: z.uuid('expected a UUID'),
    /** The school keyword that matched, as the list has it. */
    keyword: z.string().min(1).max(100, 'is longer than 100 characters'),
    where: z.enum(['search', 'title'], { error: "expected 'search' or 'title'" }),
    url: z.string().max(2048, 'is longer than 2048 characters'),
    createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO date and time' }),
  },
  { error: 'expected a keyword alert (id, keyword, where, url, createdAt)' },
);
export type KeywordAlertUpload = z.infer<typeof keywordAlertUploadSchema>;

export const MAX_KEYWORD_ALERTS_PER_UPLOAD = 50;

/** The school's keyword list as devices get it: at most this many, each up to 100 characters. */
export const MAX_KEYWORDS = 500;
export const keywordListSchema = z.array(z.string().trim().min(2).max(100)).max(MAX_KEYWORDS);

/** What the hub answers an upload of flags or alerts, once every one is stored durably. */
export const uploadResponseSchema = z.object({
  /** Every id of the upload the hub now holds for this device: drop them from the outbox. */
  stored: z.array(z.uuid()),
  /** Ids another device already holds; left untouched (never expected from real UUIDs). */
  conflicts: z.array(z.uuid()),
});
