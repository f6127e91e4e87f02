// An "ask to visit" request made from the KS2 block page (or "ask my teacher" on KS1).
import { z } from 'zod';

export const visitRequestStatusSchema = z.enum(['pending', 'approved', 'denied']);

/**
 * What a request asks for: a site to visit (absent on records made before downloads could be
 * asked for), or one held download (a song, a film, a book) that a teacher allows once.
 */
export const requestKindSchema = z.enum(['visit', 'download']);
export type RequestKind = z.infer<typeof requestKindSchema>;

/** Longest file name a download request carries (most file systems stop at 255). */
export const MAX_FILE_NAME = 255;

/**
 * `answeredBy` for an answer that came from the classroom hub, whose answers don't say which
 * teacher gave them. A marker rather than words, so the options page can say it in the
 * reader's language (options_request_hub_teacher).
 */
export const ANSWERED_AT_HUB = '@hub';

export const visitRequestSchema = z.object({
  /** Made on the device so that a retry can never create a duplicate. */
  id: z.string().uuid(),
  url: z.string().max(2048),
  reason: z.string().max(500),
  createdAt: z.string(),
  status: visitRequestStatusSchema,
  answeredBy: z.string().max(120).optional(),
  answeredAt: z.string().optional(),
  /** When the hub confirmed it holds the request; absent while it waits in the outbox. */
  sentAt: z.string().optional(),
  kind: requestKindSchema.optional(),
  /** A download's file name, shown to the teacher as text. */
  fileName: z.string().max(MAX_FILE_NAME).optional(),
  /** When an approved download was fetched: a yes lets the file through once. */
  downloadedAt: z.string().optional(),
});
export type VisitRequest = z.infer<typeof visitRequestSchema>;
