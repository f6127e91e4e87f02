// An outbox kind for records the hub only stores (keyword alerts, pupil events): send the oldest
// undelivered ones in one upload, mark what the hub holds, and give a conflicting id a new one.
// Ids are made on the device, so a retry never makes a second record.
import { uploadResponseSchema } from '../../shared/flag';
import { postToHub } from '../hub-link/hub-upload';
import type { BatchOutcome, OutboxKind } from './outbox';

export interface RecordStore<Stored, Upload> {
  /** Oldest first, only those the hub hasn't confirmed. */
  undelivered(): Promise<Stored[]>;
  /** The upload shape, or null for a record the hub would refuse (it stays on the device). */
  toUpload(record: Stored): Upload | null;
  markSent(ids: readonly string[], sentAt: string): Promise<void>;
  renewId(id: string): Promise<void>;
}

export interface RecordOutboxOptions<Stored, Upload> {
  /** The kind's name (its alarm and retry record): never changes once released. */
  name: string;
  path: string;
  /** The body's field that holds the list (`{ alerts: [...] }`). */
  field: string;
  maxPerUpload: number;
  /** How the answer names the records when none was stored ("keyword alerts"). */
  noun: string;
  store: RecordStore<Stored, Upload>;
}

export function createRecordOutbox<Stored, Upload extends { id: string }>(
  options: RecordOutboxOptions<Stored, Upload>,
): OutboxKind {
  const { store } = options;
  async function sendBatch(): Promise<BatchOutcome> {
    const uploads = (await store.undelivered()).flatMap((record) => {
      const upload = store.toUpload(record);
      return upload ? [upload] : [];
    });
    if (uploads.length === 0) return { kind: 'idle' };
    const batch = uploads.slice(0, options.maxPerUpload);
    const result = await postToHub(options.path, { [options.field]: batch });
    if (result.kind === 'no-hub') return { kind: 'idle' };
    if (result.kind === 'failed') return result;
    const answer = uploadResponseSchema.safeParse(result.body);
    if (!answer.success) {
      return { kind: 'failed', reason: 'the hub sent an answer of the wrong shape' };
    }
    const sent = new Set(batch.map((upload) => upload.id));
    const stored = answer.data.stored.filter((id) => sent.has(id));
    const conflicts = answer.data.conflicts.filter((id) => sent.has(id));
    await store.markSent(stored, new Date().toISOString());
    for (const id of conflicts) await store.renewId(id);
    if (stored.length === 0 && conflicts.length === 0) {
      return { kind: 'failed', reason: `the hub stored none of the ${options.noun}` };
    }
    return { kind: 'sent', more: uploads.length > batch.length || conflicts.length > 0 };
  }
  return { name: options.name, sendBatch };
}
