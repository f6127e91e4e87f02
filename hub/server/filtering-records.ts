// The filtering record as the hub holds it: each blocked attempt a device sent, with the device
// and the pupil from the device's token (the DfE fields: device, user, time, address, verdict).
// Uploaded once, kept as it came: the id is the device's own, so a retry finds the row it
// already made and adds nothing.
import type { FilteringRecordUpload } from '../../shared/filtering-record';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { storeDeviceUpload, type StoredUpload } from './upload-items';

/** Stores the upload in one transaction and returns once it has committed. */
export function storeFilteringRecords(
  db: HubDb,
  device: DeviceIdentity,
  records: readonly FilteringRecordUpload[],
  now: Date,
): Promise<StoredUpload> {
  return storeDeviceUpload(
    db,
    'filtering_records',
    device.id,
    records.map((record) => ({
      id: record.id,
      school_id: device.schoolId,
      device_id: device.id,
      pupil_id: device.pupil?.id ?? null,
      // One form (UTC), so times sort and compare as text whatever offset a device used.
      created_at: new Date(record.createdAt).toISOString(),
      received_at: now.toISOString(),
      url: record.url,
      category: record.category,
      verdict: record.verdict,
    })),
  );
}
