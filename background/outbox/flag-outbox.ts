// The Flag It part of the outbox: uploads flags the hub doesn't hold in their newest revision
// to POST /api/device/flags, five at most at a time (each may carry a screenshot). A flag is
// sent at the press and again, with the same id, once the pupil says what happened.
import {
  flagUploadSchema,
  MAX_FLAGS_PER_UPLOAD,
  uploadResponseSchema,
  type FlagUpload,
} from '../../shared/flag';
import type { FlagRecord } from '../../shared/flag-record';
import { markFlagsSent, renewFlagId, undeliveredFlags } from '../flag/flag-store';
import { postToHub } from '../hub-link/hub-upload';
import type { BatchOutcome, OutboxKind } from './outbox';

export const FLAGS_PATH = '/api/device/flags';

/**
 * The flag as the hub takes it. A picture the hub would refuse is left out rather than hold
 * the flag back; a flag the hub could never take stays on the device (the options page shows it).
 */
function toUpload(flag: FlagRecord): FlagUpload | null {
  const upload = {
    id: flag.id,
    url: flag.url,
    title: flag.title,
    reason: flag.reason,
    note: flag.note,
    source: flag.source,
    createdAt: flag.createdAt,
    screenshot: flag.screenshot,
  };
  const parsed = flagUploadSchema.safeParse(upload);
  if (parsed.success) return parsed.data;
  const withoutPicture = flagUploadSchema.safeParse({ ...upload, screenshot: null });
  return withoutPicture.success ? withoutPicture.data : null;
}

async function sendBatch(): Promise<BatchOutcome> {
  const waiting = (await undeliveredFlags()).flatMap((flag) => {
    const upload = toUpload(flag);
    return upload ? [{ upload, revision: flag.revision }] : [];
  });
  if (waiting.length === 0) return { kind: 'idle' };
  const batch = waiting.slice(0, MAX_FLAGS_PER_UPLOAD);
  const result = await postToHub(FLAGS_PATH, { flags: batch.map((item) => item.upload) });
  if (result.kind === 'no-hub') return { kind: 'idle' };
  if (result.kind === 'failed') return result;
  const answer = uploadResponseSchema.safeParse(result.body);
  if (!answer.success)
    return { kind: 'failed', reason: 'the hub sent an answer of the wrong shape' };
  const stored = new Set(answer.data.stored);
  const conflicts = new Set(answer.data.conflicts);
  const held = batch.filter((item) => stored.has(item.upload.id));
  await markFlagsSent(
    held.map((item) => ({ id: item.upload.id, revision: item.revision })),
    new Date().toISOString(),
  );
  const refused = batch.filter((item) => conflicts.has(item.upload.id));
  for (const item of refused) await renewFlagId(item.upload.id);
  if (held.length === 0 && refused.length === 0) {
    return { kind: 'failed', reason: 'the hub stored none of the flags' };
  }
  return { kind: 'sent', more: waiting.length > batch.length || refused.length > 0 };
}

export const flagOutbox: OutboxKind = { name: 'flags', sendBatch };
