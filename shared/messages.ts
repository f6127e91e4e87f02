// The one message protocol. Each name maps to who may send it and the request and response
// shapes; the background validates every request with these schemas before acting on it.
import { z } from 'zod';
import {
  keyStageSchema,
  listNameSchema,
  storedEntrySchema,
  type ListName,
  type StoredEntry,
} from './policy-model';
import { auditEntrySchema } from './audit-entry';
import { flagReasonSchema, flagSourceSchema, MAX_FLAG_NOTE } from './flag';
import { flagViewSchema } from './flag-record';
import { pupilEventKindSchema } from './pupil-event';
import { MAX_FILE_NAME, visitRequestSchema, visitRequestStatusSchema } from './visit-request';

/**
 * Senders, from most to least trusted. `options`: the extension's own options page, the only
 * sender that may change policy. `pupil-page`: the extension's pupil pages (block page, popup).
 * `content`: scripts in web pages, which may only report and query.
 */
export type SenderKind = 'options' | 'pupil-page' | 'content';

const token = z.string().min(16).max(200);
const pin = z
  .string()
  .regex(/^\d{4,12}$/, 'A PIN is 4 to 12 digits.')
  .describe('teacher PIN');

export const lineErrorSchema = z.object({
  line: z.number().int(),
  text: z.string(),
  reason: z.string(),
});

const listViewSchema = z.object({
  entries: z.array(storedEntrySchema),
  /** True while no source has given entries for this list, so the built-in list is in force. */
  usingStarter: z.boolean(),
});

export const adminStateSchema = z.object({
  keyStage: z.object({
    value: keyStageSchema,
    /**
     * `hub`: the pupil's class on the classroom hub, which outranks everything else but
     * `not-signed-in`: the school names a hub and nobody is signed in to Chrome (KS1).
     */
    source: z.enum(['hub', 'managed', 'local', 'default', 'not-signed-in']),
  }),
  lists: z.object({
    ks1: listViewSchema,
    ks2: listViewSchema,
    alwaysBlocked: listViewSchema,
    imageSources: listViewSchema,
  }),
  managedErrors: z.array(z.string()),
  pinSource: z.enum(['managed', 'local', 'none']),
  enforcement: z
    .object({
      ruleCount: z.number(),
      appliedAt: z.string(),
      policyHash: z.string(),
      /** Why the newest policy is not installed (the previous rules stay in force). */
      lastError: z.string().nullable(),
    })
    .nullable(),
  requests: z.array(visitRequestSchema),
  /** The teacher's current lift of the image-search block, if one is running. */
  imageSearchLift: z.object({ until: z.string(), by: z.string() }).nullable(),
  /** The record of lifts (newest first), as the DSL reviews them. */
  audit: z.array(auditEntrySchema),
  /**
   * Pupils' flags on this device, newest first: the only way a teacher learns of them when the
   * school has no hub, so none drops out of sight while it waits for the hub.
   */
  flags: z.array(flagViewSchema),
});
export type AdminState = z.infer<typeof adminStateSchema>;

const empty = z.object({});

export const messageSpecs = {
  'admin.status': {
    senders: ['options'],
    request: empty,
    response: z.object({ pinSource: z.enum(['managed', 'local', 'none']) }),
  },
  'admin.setFirstPin': {
    senders: ['options'],
    request: z.object({ pin, name: z.string().trim().min(1).max(120) }),
    response: z.object({ token, expiresAt: z.string() }),
  },
  'admin.unlock': {
    senders: ['options'],
    request: z.object({ pin: z.string().max(12), name: z.string().trim().min(1).max(120) }),
    response: z.object({ token, expiresAt: z.string() }),
  },
  'admin.lock': { senders: ['options'], request: z.object({ token }), response: empty },
  'admin.changePin': {
    senders: ['options'],
    request: z.object({ token, currentPin: z.string().max(12), pin }),
    response: empty,
  },
  'admin.getState': {
    senders: ['options'],
    request: z.object({ token }),
    response: adminStateSchema,
  },
  'admin.addEntries': {
    senders: ['options'],
    request: z.object({ token, list: listNameSchema, text: z.string().max(5_000_000) }),
    response: z.object({
      added: z.number(),
      duplicates: z.number(),
      errors: z.array(lineErrorSchema),
    }),
  },
  'admin.removeEntry': {
    senders: ['options'],
    request: z.object({ token, list: listNameSchema, site: z.string().max(2048) }),
    response: empty,
  },
  'admin.setKeyStage': {
    senders: ['options'],
    request: z.object({ token, keyStage: keyStageSchema }),
    response: empty,
  },
  'admin.liftImageSearch': {
    senders: ['options'],
    request: z.object({
      token,
      minutes: z
        .number()
        .int()
        .min(5, 'Image search can be allowed for 5 to 120 minutes.')
        .max(120, 'Image search can be allowed for 5 to 120 minutes.'),
    }),
    response: z.object({ until: z.string() }),
  },
  'admin.endImageSearchLift': {
    senders: ['options'],
    request: z.object({ token }),
    response: empty,
  },
  'admin.answerRequest': {
    senders: ['options'],
    request: z.object({
      token,
      id: z.string().uuid(),
      decision: z.enum(['approve', 'deny']),
      list: keyStageSchema.optional(),
    }),
    response: empty,
  },
  'content.backstopVerdict': {
    senders: ['content'],
    request: z.object({ url: z.string().url().max(8192) }),
    /** Where to send the page, or null when it is allowed after all. */
    response: z.object({ blockPage: z.string().nullable() }),
  },
  'content.linkVerdict': {
    senders: ['content'],
    /**
     * Block It: would the rules open this address (a link in a message)? The same verdict as
     * the installed DNR rules (shared/url-verdict.ts); only yes or no goes back to the page.
     */
    request: z.object({ url: z.url({ protocol: /^https?$/ }).max(8192) }),
    response: z.object({ allowed: z.boolean() }),
  },
  'pupil.askToVisit': {
    senders: ['pupil-page'],
    request: z.object({
      // Only web pages are blocked, and the hub takes only http(s) requests: anything else
      // could never leave the device.
      url: z.url({ protocol: /^https?$/ }).max(2048),
      reason: z.string().max(500),
    }),
    response: z.object({ id: z.string(), storedOnDevice: z.boolean() }),
  },
  'pupil.flag': {
    senders: ['pupil-page'],
    /**
     * The popup flags the active tab of the last-focused window; the block page flags its own
     * tab, recorded as the blocked address it names (read from the sender's own URL, which the
     * page can't misstate).
     */
    request: z.object({ source: flagSourceSchema.extract(['popup', 'block-page']) }),
    response: z.object({ id: z.uuid() }),
  },
  'pupil.flagStatus': {
    senders: ['pupil-page'],
    request: z.object({ id: z.uuid() }),
    /**
     * `stored`: the flag is on the device, so the flag screen may say it is told. `hub`: the
     * school has a classroom hub to send it to; without one the screen asks the pupil to tell
     * their teacher too, for only a teacher at this device would see it.
     */
    response: z.object({ stored: z.boolean(), detailsGiven: z.boolean(), hub: z.boolean() }),
  },
  'pupil.flagDetails': {
    senders: ['pupil-page'],
    request: z
      .object({
        id: z.uuid(),
        reason: flagReasonSchema.nullable(),
        note: z.string().max(MAX_FLAG_NOTE, `A note is at most ${MAX_FLAG_NOTE} characters.`),
      })
      .refine((body) => body.reason !== null || body.note.trim() !== '', {
        message: 'Choose what happened or write a note.',
      }),
    response: empty,
  },
  'pupil.leaveFlagScreen': {
    senders: ['pupil-page'],
    request: empty,
    response: empty,
  },
  'content.flag': {
    senders: ['content'],
    /** Flag It on the keyword prompt: flags the tab the script runs in (source 'prompt'). */
    request: empty,
    response: empty,
  },
  'content.pupilEvent': {
    senders: ['content'],
    /**
     * A prompt's moment and the pupil's choice, by type only (shared/pupil-event.ts checks the
     * detail and outcome against the kind). The site is the sender's own; a Block It link names
     * where it led, and only its hostname is kept.
     */
    request: z.object({
      kind: pupilEventKindSchema.extract(['zip-it', 'block-it', 'copyright']),
      detail: z.string().max(40),
      outcome: z.string().max(40),
      targetUrl: z.string().max(2048).optional(),
    }),
    response: z.object({ id: z.uuid() }),
  },
  'pupil.askToDownload': {
    senders: ['pupil-page'],
    /**
     * The download page's "Ask my teacher" for a held file (music, a film, a book). Asking again
     * for the same file while a request for it is open answers with that request.
     */
    request: z.object({
      url: z.url({ protocol: /^https?$/ }).max(2048),
      fileName: z.string().min(1).max(MAX_FILE_NAME),
    }),
    response: z.object({ id: z.uuid(), storedOnDevice: z.boolean() }),
  },
  'pupil.startDownload': {
    senders: ['pupil-page'],
    /** "Your teacher said yes — Download": fetches the approved file, once. */
    request: z.object({ id: z.uuid() }),
    response: empty,
  },
  'pupil.blockShown': {
    senders: ['pupil-page'],
    /**
     * The block page was shown for a blocked navigation: the worker adds it to the filtering
     * record. The address and the reason are read from the sender's own URL (the block page's),
     * which the page can't misstate; only the top-level block page is accepted.
     */
    request: empty,
    response: z.object({ recorded: z.boolean() }),
  },
  'pupil.requestStatus': {
    senders: ['pupil-page'],
    request: z.object({ id: z.string().uuid() }),
    /** null when the device holds no such request (erased, or from another profile). */
    response: z.object({ status: visitRequestStatusSchema.nullable() }),
  },
  'pupil.privacyNotice': {
    senders: ['pupil-page'],
    /**
     * What the pupils' privacy page (extension/privacy.html) needs to say the right thing: the
     * pupil's key stage, whether the school turned screenshots with flags on, whether a hub
     * takes the records, and how many days this device keeps its copies.
     */
    request: empty,
    response: z.object({
      keyStage: keyStageSchema,
      screenshots: z.boolean(),
      hub: z.boolean(),
      deviceRecordDays: z.number().int(),
    }),
  },
} as const satisfies Record<
  string,
  { senders: readonly SenderKind[]; request: z.ZodType; response: z.ZodType }
>;

export type MessageName = keyof typeof messageSpecs;
export type MessageRequest<N extends MessageName> = z.input<(typeof messageSpecs)[N]['request']>;
export type MessageResponse<N extends MessageName> = z.output<(typeof messageSpecs)[N]['response']>;

/**
 * What the background tells the extension's own pages, unasked (runtime.sendMessage from the
 * worker reaches every open extension page, never a web page). Pages validate it like any
 * input and re-ask with a request above when they need more.
 */
export const pageEventSchema = z.discriminatedUnion('event', [
  /** A request was answered (by the hub or the options page): the block page shows it. */
  z.object({
    event: z.literal('visitRequest.answered'),
    id: z.string().uuid(),
    status: z.enum(['approved', 'denied']),
  }),
  /** The flag is stored on the device: the flag screen may now say the teacher knows. */
  z.object({ event: z.literal('flag.stored'), id: z.string().uuid() }),
  /** The flag could not be stored: the flag screen asks the pupil to tell their teacher. */
  z.object({ event: z.literal('flag.failed'), id: z.string().uuid() }),
]);
export type PageEvent = z.infer<typeof pageEventSchema>;

/** What travels over runtime.sendMessage. */
export const envelopeSchema = z.object({ name: z.string().max(64), body: z.unknown() });

export type { ListName, StoredEntry };
