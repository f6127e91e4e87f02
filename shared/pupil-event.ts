// What the prompts that teach (Zip It, Block It, copyright) and the download guard record about a
// moment, and how a device uploads it to `POST /api/device/pupil-events`. By type only
// (ARCHITECTURE rule 4): never what was typed, never page text, never the personal detail a Zip
// It prompt caught. Sites are hostnames; the teacher sees where, not what.
import { z } from 'zod';

/** Which guard raised the record. */
export const PUPIL_EVENT_KINDS = ['zip-it', 'block-it', 'download', 'copyright'] as const;
export const pupilEventKindSchema = z.enum(PUPIL_EVENT_KINDS);
export type PupilEventKind = z.infer<typeof pupilEventKindSchema>;

/**
 * What it was about, per kind:
 * - zip-it: the kind of personal detail (postcode, phone, email, address, name, birth-date,
 *   school, password);
 * - block-it: link or attachment;
 * - download: the file's class (program, torrent, media, document, image, other);
 * - copyright: copied-text or image.
 */
export const PUPIL_EVENT_DETAILS = {
  'zip-it': ['postcode', 'phone', 'email', 'address', 'name', 'birth-date', 'school', 'password'],
  'block-it': ['link', 'attachment'],
  download: ['program', 'torrent', 'media', 'document', 'image', 'other'],
  copyright: ['copied-text', 'image'],
} as const satisfies Record<PupilEventKind, readonly string[]>;

/**
 * What happened next, per kind:
 * - zip-it: kept-private ("Don't send", the default) or teacher-said-ok;
 * - block-it: stayed, or flagged (the pupil pressed Flag It on the prompt);
 * - download: blocked, held (waiting for a teacher), allowed, or approved (a teacher said yes);
 * - copyright: reminded, or citation-copied.
 */
export const PUPIL_EVENT_OUTCOMES = {
  'zip-it': ['kept-private', 'teacher-said-ok'],
  'block-it': ['stayed', 'flagged'],
  download: ['blocked', 'held', 'allowed', 'approved'],
  copyright: ['reminded', 'citation-copied'],
} as const satisfies Record<PupilEventKind, readonly string[]>;

export type PupilEventDetail<K extends PupilEventKind = PupilEventKind> =
  (typeof PUPIL_EVENT_DETAILS)[K][number];
export type PupilEventOutcome<K extends PupilEventKind = PupilEventKind> =
  (typeof PUPIL_EVENT_OUTCOMES)[K][number];

const HOST = /^[a-z0-9.-]{1,253}$/;
const host = z
  .string({ error: 'expected a hostname' })
  .regex(HOST, 'expected a hostname (letters, digits, dots and hyphens)');

/** One record as the device uploads it. Ids are made on the device, so a retry is one record. */
export const pupilEventUploadSchema = z
  .object(
    {
      id: z.uuid('expected a UUID'),
      kind: pupilEventKindSchema,
      detail: z.string().max(40),
      outcome: z.string().max(40),
      /** The site the pupil was on (a download: the site it came from). */
      site: host,
      /** Block It: the site the link led to. */
      target: host.optional(),
      /** Downloads: the file's extension or MIME type, lower-case (".exe", "audio/mpeg"). */
      fileType: z
        .string()
        .max(100)
        .regex(/^[a-z0-9.+/-]*$/, 'expected a file extension or MIME type')
        .optional(),
      createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO date and time' }),
    },
    { error: 'expected a pupil event (id, kind, detail, outcome, site, createdAt)' },
  )
  .superRefine((event, context) => {
    const details: readonly string[] = PUPIL_EVENT_DETAILS[event.kind];
    const outcomes: readonly string[] = PUPIL_EVENT_OUTCOMES[event.kind];
    if (!details.includes(event.detail)) {
      context.addIssue({
        code: 'custom',
        path: ['detail'],
        message: `expected one of ${details.join(', ')} for ${event.kind}`,
      });
    }
    if (!outcomes.includes(event.outcome)) {
      context.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: `expected one of ${outcomes.join(', ')} for ${event.kind}`,
      });
    }
  });
export type PupilEventUpload = z.infer<typeof pupilEventUploadSchema>;

/** Most records a device sends in one upload. */
export const MAX_PUPIL_EVENTS_PER_UPLOAD = 50;

/** As the device keeps it until the hub confirms it holds it. */
export type PupilEventRecord = PupilEventUpload & { sentAt?: string };

/** The hostname a record names for an address, or null for one that isn't a web page. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  return HOST.test(host) ? host : null;
}
