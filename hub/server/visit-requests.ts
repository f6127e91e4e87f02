// "Ask to visit" requests as the database holds them. A device uploads its outbox; each request
// keeps the id the device made, so a retry finds the row it already made and adds nothing
// (ARCHITECTURE rule 3). The pupil's class when a request arrived decides who sees it: the
// class's teacher, the DSL and the admin.
import type { VisitRequestUpload } from '../../shared/hub-protocol';
import type { HubDb } from './database';
import type { DeviceIdentity } from './hub-env';
import { storeDeviceUpload, type StoredUpload } from './upload-items';

export const NO_SUCH_REQUEST = 'No such request.';

/** Most requests one class listing returns, newest first. */
export const MAX_LISTED_REQUESTS = 200;

/**
 * Stores the upload in one transaction and returns once it has committed. `stored` is every id
 * the hub now holds for this device (new or from an earlier try), in upload order; `conflicts`
 * are ids another device already holds, which are left as they were; `added` counts the new rows.
 */
export function storeVisitRequests(
  db: HubDb,
  device: DeviceIdentity,
  requests: readonly VisitRequestUpload[],
  now: Date,
): Promise<StoredUpload> {
  const receivedAt = now.toISOString();
  return storeDeviceUpload(
    db,
    'visit_requests',
    device.id,
    requests.map((request) => ({
      id: request.id,
      device_id: device.id,
      pupil_id: device.pupil?.id ?? null,
      class_id: device.pupil?.classId ?? null,
      url: request.url,
      reason: request.reason,
      created_at: request.createdAt,
      received_at: receivedAt,
      status: 'pending' as const,
      scope: null,
      duration: null,
      answered_by: null,
      answered_at: null,
      kind: request.kind ?? 'visit',
      file_name: request.kind === 'download' ? (request.fileName ?? null) : null,
    })),
  );
}

const requestsWithNames = (db: HubDb) =>
  db
    .selectFrom('visit_requests')
    .leftJoin('pupils', 'pupils.id', 'visit_requests.pupil_id')
    .leftJoin('users as answerer', 'answerer.id', 'visit_requests.answered_by')
    .select([
      'visit_requests.id',
      'visit_requests.pupil_id',
      'pupils.name as pupil_name',
      'visit_requests.url',
      'visit_requests.reason',
      'visit_requests.created_at',
      'visit_requests.status',
      'visit_requests.scope',
      'visit_requests.duration',
      'answerer.name as answered_by_name',
      'visit_requests.answered_at',
      'visit_requests.kind',
      'visit_requests.file_name',
    ]);

type RequestRow = Awaited<
  ReturnType<ReturnType<typeof requestsWithNames>['executeTakeFirstOrThrow']>
>;

function toView(row: RequestRow) {
  return {
    id: row.id,
    pupil:
      row.pupil_id !== null && row.pupil_name !== null
        ? { id: row.pupil_id, name: row.pupil_name }
        : null,
    url: row.url,
    reason: row.reason,
    createdAt: row.created_at,
    status: row.status,
    scope: row.scope,
    duration: row.duration,
    answeredBy: row.answered_by_name,
    answeredAt: row.answered_at,
    kind: row.kind,
    /** A download's file name, from the pupil's device: text only. */
    fileName: row.file_name,
  };
}

export type VisitRequestView = ReturnType<typeof toView>;

/** The class's requests, newest first (by when the pupil asked), at most MAX_LISTED_REQUESTS. */
export async function listVisitRequests(
  db: HubDb,
  classId: number,
  status: 'pending' | 'all',
): Promise<VisitRequestView[]> {
  let query = requestsWithNames(db).where('visit_requests.class_id', '=', classId);
  if (status === 'pending') query = query.where('visit_requests.status', '=', 'pending');
  const rows = await query
    .orderBy('visit_requests.created_at', 'desc')
    .orderBy('visit_requests.received_at', 'desc')
    .orderBy('visit_requests.id')
    .limit(MAX_LISTED_REQUESTS)
    .execute();
  return rows.map(toView);
}

/** Where a request belongs, to decide who may answer it; undefined when there is no such id. */
export async function findRequestOwner(db: HubDb, id: string) {
  return db
    .selectFrom('visit_requests')
    .innerJoin('devices', 'devices.id', 'visit_requests.device_id')
    .select(['visit_requests.class_id', 'devices.school_id'])
    .where('visit_requests.id', '=', id)
    .executeTakeFirst();
}

/** One request as teachers read it. */
export async function readVisitRequest(db: HubDb, id: string): Promise<VisitRequestView> {
  return toView(
    await requestsWithNames(db).where('visit_requests.id', '=', id).executeTakeFirstOrThrow(),
  );
}
