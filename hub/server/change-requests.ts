// Change requests: any member of staff asks for a site to join the school's list for a key
// stage ("add to the school list permanently"), and only the admin approves or rejects, since
// the school policies need the head's authorisation for a list change. Approving adds the site
// (school-sites.ts). Every step is a row of the change log, in the same transaction.
import type { KeyStage } from '../../shared/policy-model';
import { writeChangeLog } from './change-log';
import type { HubDb } from './database';
import { HubError } from './errors';
import type { SessionUser } from './hub-env';
import { keyStageLabel } from './list-fields';
import { seesEveryClass } from './roles';
import { addSchoolSite, alreadyListed, findSchoolSite } from './school-sites';

export const NO_SUCH_CHANGE_REQUEST = 'No such change request.';
export const ALREADY_DECIDED = 'This change request has already been decided.';

/** Most change requests one listing returns, newest first. */
export const MAX_LISTED_CHANGE_REQUESTS = 200;

const pendingDuplicate = (site: string, keyStage: KeyStage) =>
  `A request to add '${site}' to the school's ${keyStageLabel(keyStage)} list is already waiting for the admin.`;

const requestsWithNames = (db: HubDb) =>
  db
    .selectFrom('change_requests')
    .innerJoin('users as asker', 'asker.id', 'change_requests.asked_by')
    .leftJoin('users as decider', 'decider.id', 'change_requests.decided_by')
    .select([
      'change_requests.id',
      'change_requests.key_stage',
      'change_requests.site',
      'change_requests.reason',
      'change_requests.request_id',
      'change_requests.asked_by',
      'asker.name as asked_by_name',
      'change_requests.asked_at',
      'change_requests.status',
      'decider.name as decided_by_name',
      'change_requests.decided_at',
      'change_requests.note',
    ]);

type RequestRow = Awaited<
  ReturnType<ReturnType<typeof requestsWithNames>['executeTakeFirstOrThrow']>
>;

function toView(row: RequestRow) {
  return {
    id: row.id,
    keyStage: row.key_stage,
    site: row.site,
    reason: row.reason,
    requestId: row.request_id,
    askedBy: { id: row.asked_by, name: row.asked_by_name },
    askedAt: row.asked_at,
    status: row.status,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
    note: row.note,
  };
}

export type ChangeRequestView = ReturnType<typeof toView>;

const onTheList = (site: string, keyStage: KeyStage) =>
  `${site} on the school's ${keyStageLabel(keyStage)} list`;

export async function createChangeRequest(
  db: HubDb,
  input: {
    user: SessionUser;
    site: string;
    keyStage: KeyStage;
    reason: string;
    requestId: string | null;
    now: Date;
  },
): Promise<ChangeRequestView> {
  const { user, site, keyStage } = input;
  return db.transaction().execute(async (trx) => {
    if (await findSchoolSite(trx, user.schoolId, keyStage, site)) {
      throw new HubError(409, alreadyListed(site, keyStage));
    }
    const pending = await trx
      .selectFrom('change_requests')
      .select('id')
      .where('school_id', '=', user.schoolId)
      .where('key_stage', '=', keyStage)
      .where('site', '=', site)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new HubError(409, pendingDuplicate(site, keyStage));
    const { id } = await trx
      .insertInto('change_requests')
      .values({
        school_id: user.schoolId,
        key_stage: keyStage,
        site,
        reason: input.reason,
        request_id: input.requestId,
        asked_by: user.id,
        asked_at: input.now.toISOString(),
        status: 'pending',
        decided_by: null,
        decided_at: null,
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChangeLog(trx, {
      schoolId: user.schoolId,
      at: input.now,
      action: 'change.requested',
      summary: `Asked for ${onTheList(site, keyStage)} (change request ${id})`,
      classId: null,
      askedBy: user.name,
      approvedBy: null,
      reason: input.reason,
    });
    return toView(
      await requestsWithNames(trx).where('change_requests.id', '=', id).executeTakeFirstOrThrow(),
    );
  });
}

/** The admin and the DSL see the school's requests; a teacher sees their own. */
export async function listChangeRequests(
  db: HubDb,
  user: SessionUser,
  status: 'pending' | 'all',
): Promise<ChangeRequestView[]> {
  let query = requestsWithNames(db).where('change_requests.school_id', '=', user.schoolId);
  if (!seesEveryClass(user.role)) query = query.where('change_requests.asked_by', '=', user.id);
  if (status === 'pending') query = query.where('change_requests.status', '=', 'pending');
  const rows = await query
    .orderBy('change_requests.asked_at', 'desc')
    .orderBy('change_requests.id', 'desc')
    .limit(MAX_LISTED_CHANGE_REQUESTS)
    .execute();
  return rows.map(toView);
}

/**
 * The admin's decision. Approving adds the site to the school's list (409 if it is there
 * already: reject the request instead). Returns 'decided' when it was no longer pending.
 */
export async function decideChangeRequest(
  db: HubDb,
  input: {
    id: number;
    decision: 'approve' | 'reject';
    note: string;
    user: SessionUser;
    now: Date;
  },
): Promise<ChangeRequestView | 'decided'> {
  const { user, now } = input;
  return db.transaction().execute(async (trx) => {
    const row = await requestsWithNames(trx)
      .where('change_requests.id', '=', input.id)
      .where('change_requests.school_id', '=', user.schoolId)
      .executeTakeFirst();
    if (!row) throw new HubError(404, NO_SUCH_CHANGE_REQUEST);
    if (row.status !== 'pending') return 'decided';
    const approve = input.decision === 'approve';
    if (approve) {
      await addSchoolSite(trx, {
        keyStage: row.key_stage,
        site: row.site,
        reason: row.reason,
        asked: { id: row.asked_by, name: row.asked_by_name },
        approver: user,
        now,
        changeRequestId: row.id,
      });
    }
    await trx
      .updateTable('change_requests')
      .set({
        status: approve ? 'approved' : 'rejected',
        decided_by: user.id,
        decided_at: now.toISOString(),
        note: input.note === '' ? null : input.note,
      })
      .where('id', '=', row.id)
      .execute();
    const note = input.note === '' ? '' : `; note: ${input.note}`;
    await writeChangeLog(trx, {
      schoolId: user.schoolId,
      at: now,
      action: approve ? 'change.approved' : 'change.rejected',
      summary: `${approve ? 'Approved and added' : 'Rejected'} ${onTheList(row.site, row.key_stage)} (change request ${row.id}${note})`,
      classId: null,
      askedBy: row.asked_by_name,
      approvedBy: user.name,
      reason: row.reason,
    });
    return toView(
      await requestsWithNames(trx)
        .where('change_requests.id', '=', row.id)
        .executeTakeFirstOrThrow(),
    );
  });
}
