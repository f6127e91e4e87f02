// Keyword alerts as the database holds them: a school keyword a device found in a search term or
// a page title, with the address and never the page's text (ARCHITECTURE rule 4). Only the DSL
// and the admin read them. Like every upload from the outbox, the id is the device's own, so a
// retry finds the row it already made and adds nothing.
import type { KeywordAlertUpload } from '../../shared/flag';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { storeDeviceUpload, type StoredUpload } from './upload-items';

export const MAX_KEYWORD_ALERTS_PAGE = 200;

/** Stores the upload in one transaction and returns once it has committed. */
export function storeKeywordAlerts(
  db: HubDb,
  device: DeviceIdentity,
  alerts: readonly KeywordAlertUpload[],
  now: Date,
): Promise<StoredUpload> {
  return storeDeviceUpload(
    db,
    'keyword_alerts',
    device.id,
    alerts.map((alert) => ({
      id: alert.id,
      school_id: device.schoolId,
      device_id: device.id,
      pupil_id: device.pupil?.id ?? null,
      class_id: device.pupil?.classId ?? null,
      keyword: alert.keyword,
      found_in: alert.where,
      url: alert.url,
      created_at: new Date(alert.createdAt).toISOString(),
      received_at: now.toISOString(),
    })),
  );
}

function toView(row: {
  id: string;
  pupil_id: number | null;
  pupil_name: string | null;
  class_id: number | null;
  class_name: string | null;
  email: string;
  keyword: string;
  found_in: 'search' | 'title';
  url: string;
  created_at: string;
  received_at: string;
}) {
  return {
    id: row.id,
    pupil:
      row.pupil_id !== null && row.pupil_name !== null
        ? { id: row.pupil_id, name: row.pupil_name }
        : null,
    class:
      row.class_id !== null && row.class_name !== null
        ? { id: row.class_id, name: row.class_name }
        : null,
    /** The account the device enrolled with: who it was when the pupil is on no roster. */
    account: row.email,
    keyword: row.keyword,
    where: row.found_in,
    url: row.url,
    createdAt: row.created_at,
    receivedAt: row.received_at,
  };
}

export type KeywordAlertView = ReturnType<typeof toView>;

/** One page of the school's alerts, newest arrival first; `before` is the last page's end. */
export async function listKeywordAlerts(
  db: HubDb,
  schoolId: number,
  page: { before: number | undefined; limit: number },
): Promise<{ alerts: KeywordAlertView[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('keyword_alerts')
    .innerJoin('devices', 'devices.id', 'keyword_alerts.device_id')
    .leftJoin('pupils', 'pupils.id', 'keyword_alerts.pupil_id')
    .leftJoin('classes', 'classes.id', 'keyword_alerts.class_id')
    .select([
      'keyword_alerts.seq',
      'keyword_alerts.id',
      'keyword_alerts.pupil_id',
      'pupils.name as pupil_name',
      'keyword_alerts.class_id',
      'classes.name as class_name',
      'devices.email',
      'keyword_alerts.keyword',
      'keyword_alerts.found_in',
      'keyword_alerts.url',
      'keyword_alerts.created_at',
      'keyword_alerts.received_at',
    ])
    .where('keyword_alerts.school_id', '=', schoolId);
  if (page.before !== undefined) query = query.where('keyword_alerts.seq', '<', page.before);
  const rows = await query.orderBy('keyword_alerts.seq', 'desc').limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    alerts: rows.map(toView),
    nextBefore: rows.length === page.limit && last ? last.seq : null,
  };
}
