// The device's half of the filtering record (shared/filtering-record.ts): each blocked attempt is
// written here first and waits until the hub confirms it holds it
// (outbox/filtering-record-outbox.ts). How long they stay is the device retention sweep's
// (retention/device-retention.ts), as for every record the device holds.
import {
  filteringRecordUploadSchema,
  type FilteringCategory,
  type FilteringRecord,
} from '../../shared/filtering-record';
import { database } from '../database';

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

/** Marks what the hub holds; the device retention sweep deletes it after `deviceRecordDays`. */
export async function markFilteringRecordsSent(
  ids: readonly string[],
  sentAt: string,
): Promise<void> {
  await database.filteringRecords.where('id').anyOf(ids).modify({ sentAt });
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
