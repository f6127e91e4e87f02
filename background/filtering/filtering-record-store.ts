// The device's half of the filtering record (shared/filtering-record.ts): each blocked attempt is
// written here first and waits until the hub confirms it holds it
// (outbox/filtering-record-outbox.ts). A device with no hub keeps them here.
import {
  filteringRecordUploadSchema,
  type FilteringCategory,
  type FilteringRecord,
} from '../../shared/filtering-record';
import { database } from '../database';

/** How long a record the hub holds stays on the device: the hub is where the record is kept. */
export const KEEP_DELIVERED_MS = 7 * 24 * 60 * 60 * 1000;

/** Stores one blocked attempt, made now, with an id the hub will keep. */
export async function recordBlockedAttempt(attempt: {
  url: string;
  category: FilteringCategory;
}): Promise<FilteringRecord> {
  const record = filteringRecordUploadSchema.parse({
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    url: attempt.url,
    category: attempt.category,
    verdict: 'blocked',
  });
  await database.filteringRecords.add(record);
  return record;
}

export async function undeliveredFilteringRecords(): Promise<FilteringRecord[]> {
  return database.filteringRecords
    .orderBy('createdAt')
    .filter((record) => !record.sentAt)
    .toArray();
}

/** Marks what the hub holds, and drops what it has held for a week (so the device stays small). */
export async function markFilteringRecordsSent(
  ids: readonly string[],
  sentAt: string,
): Promise<void> {
  await database.filteringRecords.where('id').anyOf(ids).modify({ sentAt });
  const cutoff = new Date(Date.parse(sentAt) - KEEP_DELIVERED_MS).toISOString();
  await database.filteringRecords.where('sentAt').below(cutoff).delete();
}

/** A new id for a record whose id the hub holds from another device (never expected). */
export async function renewFilteringRecordId(id: string): Promise<void> {
  await database.transaction('rw', database.filteringRecords, async () => {
    const record = await database.filteringRecords.get(id);
    if (!record || record.sentAt) return;
    await database.filteringRecords.delete(id);
    await database.filteringRecords.add({ ...record, id: crypto.randomUUID() });
  });
}
