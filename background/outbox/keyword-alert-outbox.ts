// The keyword-alert part of the outbox: uploads alerts the hub doesn't hold yet to
// POST /api/device/keyword-alerts and marks the ones it confirms.
import { keywordAlertUploadSchema, MAX_KEYWORD_ALERTS_PER_UPLOAD } from '../../shared/flag';
import type { KeywordAlertRecord } from '../../shared/flag-record';
import {
  markKeywordAlertsSent,
  renewKeywordAlertId,
  undeliveredKeywordAlerts,
} from '../keywords/keyword-alerts';
import { createRecordOutbox } from './record-outbox';

export const KEYWORD_ALERTS_PATH = '/api/device/keyword-alerts';

function toUpload(alert: KeywordAlertRecord) {
  const upload = keywordAlertUploadSchema.safeParse({
    id: alert.id,
    keyword: alert.keyword,
    where: alert.where,
    url: alert.url,
    createdAt: alert.createdAt,
  });
  return upload.success ? upload.data : null;
}

export const keywordAlertOutbox = createRecordOutbox({
  name: 'keyword-alerts',
  path: KEYWORD_ALERTS_PATH,
  field: 'alerts',
  maxPerUpload: MAX_KEYWORD_ALERTS_PER_UPLOAD,
  noun: 'keyword alerts',
  store: {
    undelivered: undeliveredKeywordAlerts,
    toUpload,
    markSent: markKeywordAlertsSent,
    renewId: renewKeywordAlertId,
  },
});
