// The school's list as the hub adds to it: sites the admin added for a key stage, on their own
// or by approving a change request. Devices get them in their snapshot (`schoolSites`), on top
// of the managed and local lists. The school policies need the head's authorisation for a list
// change, so only the admin adds or removes one, always with a reason, always in the change log.
import { MAX_SNAPSHOT_SCHOOL_SITES } from '../../shared/hub-protocol';
import type { KeyStage } from '../../shared/policy-model';
import { writeChangeLog } from './change-log';
import type { HubDb } from './database';
import { HubError } from './errors';
import type { SessionUser } from './hub-env';
import { keyStageLabel } from './list-fields';

export const NO_SUCH_SCHOOL_SITE = 'No such school site.';

export const alreadyListed = (site: string, keyStage: KeyStage) =>
  `'${site}' is already on the school's ${keyStageLabel(keyStage)} list.`;

export async function findSchoolSite(
  db: HubDb,
  schoolId: number,
  keyStage: KeyStage,
  site: string,
) {
  return db
    .selectFrom('school_sites')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('key_stage', '=', keyStage)
    .where('site', '=', site)
    .executeTakeFirst();
}

const sitesWithNames = (db: HubDb) =>
  db
    .selectFrom('school_sites')
    .innerJoin('users as asker', 'asker.id', 'school_sites.asked_by')
    .innerJoin('users as approver', 'approver.id', 'school_sites.approved_by')
    .select([
      'school_sites.id',
      'school_sites.key_stage',
      'school_sites.site',
      'school_sites.reason',
      'asker.name as asked_by_name',
      'approver.name as approved_by_name',
      'school_sites.approved_at',
      'school_sites.change_request_id',
    ]);

type SiteRow = Awaited<ReturnType<ReturnType<typeof sitesWithNames>['executeTakeFirstOrThrow']>>;

function toView(row: SiteRow) {
  return {
    id: row.id,
    keyStage: row.key_stage,
    site: row.site,
    reason: row.reason,
    askedBy: row.asked_by_name,
    approvedBy: row.approved_by_name,
    approvedAt: row.approved_at,
    changeRequestId: row.change_request_id,
  };
}

export type SchoolSiteView = ReturnType<typeof toView>;

/** The hub's additions, by key stage then site. */
export async function listSchoolSites(db: HubDb, schoolId: number): Promise<SchoolSiteView[]> {
  const rows = await sitesWithNames(db)
    .where('school_sites.school_id', '=', schoolId)
    .orderBy('school_sites.key_stage')
    .orderBy('school_sites.site')
    .execute();
  return rows.map(toView);
}

/** What a device of this key stage gets as `schoolSites`. */
export async function schoolSitesFor(
  db: HubDb,
  schoolId: number,
  keyStage: KeyStage,
): Promise<string[]> {
  const rows = await db
    .selectFrom('school_sites')
    .select('site')
    .where('school_id', '=', schoolId)
    .where('key_stage', '=', keyStage)
    .orderBy('site')
    .limit(MAX_SNAPSHOT_SCHOOL_SITES)
    .execute();
  return rows.map((row) => row.site);
}

export interface NewSchoolSite {
  keyStage: KeyStage;
  site: string;
  reason: string;
  asked: { id: number; name: string };
  approver: SessionUser;
  now: Date;
  changeRequestId: number | null;
}

/**
 * Adds the site (409 when it is listed already, or the list is full). Pass the transaction the
 * change is made in; a change request's approval logs itself, so only a direct addition is
 * logged here.
 */
export async function addSchoolSite(db: HubDb, input: NewSchoolSite): Promise<SchoolSiteView> {
  const { approver, keyStage, site } = input;
  if (await findSchoolSite(db, approver.schoolId, keyStage, site)) {
    throw new HubError(409, alreadyListed(site, keyStage));
  }
  const { count } = await db
    .selectFrom('school_sites')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('school_id', '=', approver.schoolId)
    .where('key_stage', '=', keyStage)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_SNAPSHOT_SCHOOL_SITES) {
    throw new HubError(
      409,
      `The school's ${keyStageLabel(keyStage)} list already holds ${MAX_SNAPSHOT_SCHOOL_SITES.toLocaleString('en-GB')} sites, the most a device takes; remove one first.`,
    );
  }
  const { id } = await db
    .insertInto('school_sites')
    .values({
      school_id: approver.schoolId,
      key_stage: keyStage,
      site,
      reason: input.reason,
      asked_by: input.asked.id,
      approved_by: approver.id,
      approved_at: input.now.toISOString(),
      change_request_id: input.changeRequestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.changeRequestId === null) {
    await writeChangeLog(db, {
      schoolId: approver.schoolId,
      at: input.now,
      action: 'site.added',
      summary: `Added ${site} to the school's ${keyStageLabel(keyStage)} list`,
      classId: null,
      askedBy: input.asked.name,
      approvedBy: approver.name,
      reason: input.reason,
    });
  }
  return toView(
    await sitesWithNames(db).where('school_sites.id', '=', id).executeTakeFirstOrThrow(),
  );
}

/** Removes one of the school's sites and logs it; 404 when the school has no such site. */
export async function removeSchoolSite(
  db: HubDb,
  input: { id: number; reason: string; user: SessionUser; now: Date },
): Promise<SchoolSiteView> {
  const { user } = input;
  return db.transaction().execute(async (trx) => {
    const row = await sitesWithNames(trx)
      .where('school_sites.id', '=', input.id)
      .where('school_sites.school_id', '=', user.schoolId)
      .executeTakeFirst();
    if (!row) throw new HubError(404, NO_SUCH_SCHOOL_SITE);
    await trx.deleteFrom('school_sites').where('id', '=', row.id).execute();
    await writeChangeLog(trx, {
      schoolId: user.schoolId,
      at: input.now,
      action: 'site.removed',
      summary: `Removed ${row.site} from the school's ${keyStageLabel(row.key_stage)} list`,
      classId: null,
      askedBy: user.name,
      approvedBy: user.name,
      reason: input.reason,
    });
    return toView(row);
  });
}
