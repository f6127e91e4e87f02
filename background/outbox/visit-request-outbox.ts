// The "ask to visit" part of the outbox: uploads pending requests the hub doesn't hold yet to
// POST /api/device/requests, and marks the ones it confirms. The ids are made on the device,
// so sending a request again never makes a second one at the hub.
import {
  MAX_VISIT_REQUESTS_PER_UPLOAD,
  checkedRequestUploadSchema,
  visitRequestUploadResponseSchema,
  type VisitRequestUpload,
} from '../../shared/hub-protocol';
import type { VisitRequest } from '../../shared/visit-request';
import { postToHub } from '../hub-link/hub-upload';
import {
  markVisitRequestsSent,
  renewVisitRequestId,
  undeliveredVisitRequests,
} from '../visit-requests';
import type { BatchOutcome, OutboxKind } from './outbox';

export const VISIT_REQUESTS_PATH = '/api/device/requests';

/**
 * The request as the hub takes it, or null when the hub never could (say, an address that
 * isn't http or https): it stays on the device, where the options page still shows it.
 */
function toUpload(request: VisitRequest): VisitRequestUpload | null {
  const upload = checkedRequestUploadSchema.safeParse({
    id: request.id,
    url: request.url,
    reason: request.reason,
    createdAt: request.createdAt,
    // A download request names its file; a visit request stays as older hubs know it.
    ...(request.kind === 'download' ? { kind: 'download', fileName: request.fileName } : {}),
  });
  return upload.success ? upload.data : null;
}

async function sendBatch(): Promise<BatchOutcome> {
  const uploads = (await undeliveredVisitRequests()).flatMap((request) => {
    const upload = toUpload(request);
    return upload ? [upload] : [];
  });
  if (uploads.length === 0) return { kind: 'idle' };
  const batch = uploads.slice(0, MAX_VISIT_REQUESTS_PER_UPLOAD);
  const result = await postToHub(VISIT_REQUESTS_PATH, { requests: batch });
  if (result.kind === 'no-hub') return { kind: 'idle' };
  if (result.kind === 'failed') return result;
  const answer = visitRequestUploadResponseSchema.safeParse(result.body);
  if (!answer.success)
    return { kind: 'failed', reason: 'the hub sent an answer of the wrong shape' };
  const sent = new Set(batch.map((upload) => upload.id));
  const stored = answer.data.stored.filter((id) => sent.has(id));
  const conflicts = answer.data.conflicts.filter((id) => sent.has(id));
  await markVisitRequestsSent(stored, new Date().toISOString());
  for (const id of conflicts) await renewVisitRequestId(id);
  // A hub that took none of the batch would be asked the same again at once: back off instead.
  if (stored.length === 0 && conflicts.length === 0) {
    return { kind: 'failed', reason: 'the hub stored none of the requests' };
  }
  // A renewed request goes in the next batch. One the hub neither stored nor refused waits for
  // the next trigger rather than being sent straight back.
  return { kind: 'sent', more: uploads.length > batch.length || conflicts.length > 0 };
}

export const visitRequestOutbox: OutboxKind = { name: 'visit-requests', sendBatch };
