// Zip It, Block It, copyright and download records as the database holds them: by type only,
// with hostnames and never a page's address or text (ARCHITECTURE rule 4). Uploaded once, kept
// as they came: like every upload from the outbox the id is the device's own, so a retry finds
// the row it already made and adds nothing. The pupil's class when a record arrived decides
// which teacher sees it.
import type { PupilEventKind, PupilEventUpload } from '../../shared/pupil-event';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { endOfLocalDay, localDate, startOfLocalDate } from './local-day';
import { HubError } from './errors';
import { storeDeviceUpload, type StoredUpload } from './upload-items';

export const MAX_PUPIL_EVENTS_PAGE = 200;

/** Stores the upload in one transaction and returns once it has committed. */
export function storePupilEvents(
  db: HubDb,
  device: DeviceIdentity,
  events: readonly PupilEventUpload[],
  now: Date,
): Promise<StoredUpload> {
  return storeDeviceUpload(
    db,
    'pupil_events',
    device.id,
    events.map((event) => ({
      id: event.id,
      school_id: device.schoolId,
      device_id: device.id,
      pupil_id: device.pupil?.id ?? null,
      class_id: device.pupil?.classId ?? null,
      kind: event.kind,
      detail: event.detail,
      outcome: event.outcome,
      site: event.site,
      target: event.target ?? null,
      file_type: event.fileType ?? null,
      // One form (UTC), so times sort and compare as text whatever offset a device used.
      created_at: new Date(event.createdAt).toISOString(),
      received_at: now.toISOString(),
    })),
  );
}

/** A period of records by the device's clock: `from` inclusive, `to` exclusive. */
export interface EventWindow {
  from: Date;
  to: Date;
}

/**
 * The period asked for, filled in from the school's day: no `to` is the end of today; no `from`
 * is the start of the day `to` falls in. So no bounds at all is today, where the school is.
 */
export function eventWindow(
  range: { from: Date | undefined; to: Date | undefined },
  now: Date,
): EventWindow {
  const to = range.to ?? endOfLocalDay(now);
  const from = range.from ?? startOfLocalDate(localDate(new Date(to.getTime() - 1)));
  if (from >= to) throw new HubError(400, 'to: expected a time after from');
  return { from, to };
}

/** The window as the dashboard shows it: ISO times and the school's dates it covers. */
export const describeWindow = (window: EventWindow) => ({
  from: window.from.toISOString(),
  to: window.to.toISOString(),
  /** The local dates of its first and last instant, for the date pickers. */
  fromDate: localDate(window.from),
  toDate: localDate(new Date(window.to.getTime() - 1)),
});

export interface PupilEventView {
  id: string;
  kind: PupilEventKind;
  detail: string;
  outcome: string;
  site: string;
  target: string | null;
  fileType: string | null;
  createdAt: string;
}

/** One page of one pupil's records in a class over a window, newest arrival first. */
export async function listPupilEvents(
  db: HubDb,
  where: { classId: number; pupilId: number; window: EventWindow },
  page: { before: number | undefined; limit: number },
): Promise<{ events: PupilEventView[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('pupil_events')
    .select(['seq', 'id', 'kind', 'detail', 'outcome', 'site', 'target', 'file_type', 'created_at'])
    .where('class_id', '=', where.classId)
    .where('pupil_id', '=', where.pupilId)
    .where('created_at', '>=', where.window.from.toISOString())
    .where('created_at', '<', where.window.to.toISOString());
  if (page.before !== undefined) query = query.where('seq', '<', page.before);
  const rows = await query.orderBy('seq', 'desc').limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    events: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      detail: row.detail,
      outcome: row.outcome,
      site: row.site,
      target: row.target,
      fileType: row.file_type,
      createdAt: row.created_at,
    })),
    nextBefore: rows.length === page.limit && last ? last.seq : null,
  };
}
