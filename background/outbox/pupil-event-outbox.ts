// The pupil-event part of the outbox (Zip It, Block It, copyright and download records): uploads
// what the hub doesn't hold yet to POST /api/device/pupil-events.
import {
  MAX_PUPIL_EVENTS_PER_UPLOAD,
  pupilEventUploadSchema,
  type PupilEventRecord,
} from '../../shared/pupil-event';
import {
  markPupilEventsSent,
  renewPupilEventId,
  undeliveredPupilEvents,
} from '../pupil-events/pupil-event-store';
import { createRecordOutbox } from './record-outbox';

export const PUPIL_EVENTS_PATH = '/api/device/pupil-events';

function toUpload({ sentAt: _sentAt, ...event }: PupilEventRecord) {
  const upload = pupilEventUploadSchema.safeParse(event);
  return upload.success ? upload.data : null;
}

export const pupilEventOutbox = createRecordOutbox({
  name: 'pupil-events',
  path: PUPIL_EVENTS_PATH,
  field: 'events',
  maxPerUpload: MAX_PUPIL_EVENTS_PER_UPLOAD,
  noun: 'pupil events',
  store: {
    undelivered: undeliveredPupilEvents,
    toUpload,
    markSent: markPupilEventsSent,
    renewId: renewPupilEventId,
  },
});
