// The filtering-record part of the outbox: uploads the blocked attempts the hub doesn't hold yet
// to POST /api/device/filtering-records. The hub adds the device and the pupil from the token.
import {
  filteringRecordUploadSchema,
  MAX_FILTERING_RECORDS_PER_UPLOAD,
  type FilteringRecord,
} from '../../shared/filtering-record';
import {
  markFilteringRecordsSent,
  renewFilteringRecordId,
  undeliveredFilteringRecords,
} from '../filtering/filtering-record-store';
import { createRecordOutbox } from './record-outbox';

export const FILTERING_RECORDS_PATH = '/api/device/filtering-records';

function toUpload({ sentAt: _sentAt, ...record }: FilteringRecord) {
  const upload = filteringRecordUploadSchema.safeParse(record);
  return upload.success ? upload.data : null;
}

export const filteringRecordOutbox = createRecordOutbox({
  name: 'filtering-records',
  path: FILTERING_RECORDS_PATH,
  field: 'records',
  maxPerUpload: MAX_FILTERING_RECORDS_PER_UPLOAD,
  noun: 'filtering records',
  store: {
    undelivered: undeliveredFilteringRecords,
    toUpload,
    markSent: markFilteringRecordsSent,
    renewId: renewFilteringRecordId,
  },
});
