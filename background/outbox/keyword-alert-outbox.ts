// The keyword-alert part of the outbox: uploads alerts the hub doesn't hold yet to
// POST /api/device/keyword-alerts and marks the ones it confirms. Ids are made on the device,
// so a retry never makes a second alert.
import {
  keywordAlertUploadSchema,
  MAX_KEYWORD_ALERTS_PER_UPLOAD,
  uploadResponseSchema,
  type KeywordAlertUpload,
} from '../../shared/flag';
import type { KeywordAlertRecord } from '../../shared/flag-record';
import { postToHub } from '../hub-link/hub-upload';
import {
  markKeywordAlertsSent,
  renewKeywordAlertId,
  undeliveredKeywordAlerts,
} from '../keywords/keyword-alerts';
import type { BatchOutcome, OutboxKind } from './outbox';

export const KEYWORD_ALERTS_PATH = '/api/device/keyword-alerts';

function toUpload(alert: KeywordAlertRecord): KeywordAlertUpload | null {
  const upload = keywordAlertUploadSchema.safeParse({
    id: alert.id,
    keyword: alert.keyword,
    where: alert.where,
    url: alert.url,
    createdAt: alert.createdAt,
  });
  return upload.success ? upload.data : null;
}

async function sendBatch(): Promise<BatchOutcome> {
  const uploads = (await undeliveredKeywordAlerts()).flatMap((alert) => {
    const upload = toUpload(alert);
    return upload ? [upload] : [];
  });
  if (uploads.length === 0) return { kind: 'idle' };
  const batch = uploads.slice(0, MAX_KEYWORD_ALERTS_PER_UPLOAD);
  const result = await postToHub(KEYWORD_ALERTS_PATH, { alerts: batch });
  if (result.kind === 'no-hub') return { kind: 'idle' };
  if (result.kind === 'failed') return result;
  const answer = uploadResponseSchema.safeParse(result.body);
  if (!answer.success)
    return { kind: 'failed', reason: 'the hub sent an answer of the wrong shape' };
  const sent = new Set(batch.map((upload) => upload.id));
  const stored = answer.data.stored.filter((id) => sent.has(id));
  const conflicts = answer.data.conflicts.filter((id) => sent.has(id));
  await markKeywordAlertsSent(stored, new Date().toISOString());
  for (const id of conflicts) await renewKeywordAlertId(id);
  if (stored.length === 0 && conflicts.length === 0) {
    return { kind: 'failed', reason: 'the hub stored none of the keyword alerts' };
  }
  return { kind: 'sent', more: uploads.length > batch.length || conflicts.length > 0 };
}

export const keywordAlertOutbox: OutboxKind = { name: 'keyword-alerts', sendBatch };
