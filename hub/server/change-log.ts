// The filtering record: every change to what pupils can reach, with who asked, who approved,
// when and why. Rows are written in the same transaction as the change they describe, so there
// is never a change without its row, nor a row for a change that was rolled back.
import type { HubDb } from './database';
import type { SessionUser } from './hub-env';
import { seesEveryClass } from './roles';

export type ChangeAction =
  | 'visit.allowed'
  | 'visit.denied'
  | 'download.allowed'
  | 'download.denied'
  | 'lesson.started'
  | 'lesson.ended'
  | 'change.requested'
  | 'change.approved'
  | 'change.rejected'
  | 'site.added'
  | 'site.removed'
  | 'keywords.changed'
  | 'retention.changed';

export interface ChangeLogEntry {
  schoolId: number;
  at: Date;
  action: ChangeAction;
  summary: string;
  classId: number | null;
  askedBy: string;
  approvedBy: string | null;
  reason: string;
  /** A visit answer's asking pupil and device (ids only), so an erasure finds the row. */
  subject?: { pupilId: number | null; deviceId: number };
}

/** Pass the transaction the change is made in. */
export async function writeChangeLog(db: HubDb, entry: ChangeLogEntry): Promise<void> {
  await db
    .insertInto('change_log')
    .values({
      school_id: entry.schoolId,
      at: entry.at.toISOString(),
      action: entry.action,
      summary: entry.summary,
      class_id: entry.classId,
      asked_by: entry.askedBy,
      approved_by: entry.approvedBy,
      reason: entry.reason,
      pupil_id: entry.subject?.pupilId ?? null,
      device_id: entry.subject?.deviceId ?? null,
    })
    .execute();
}

export const MAX_CHANGE_LOG_PAGE = 200;

/**
 * The rows a user may read, newest first: the admin and the DSL every row of the school; a
 * teacher the rows of their own classes and the school-wide ones.
 */
function visibleRows(db: HubDb, user: SessionUser) {
  let query = db
    .selectFrom('change_log')
    .leftJoin('classes', 'classes.id', 'change_log.class_id')
    .select([
      'change_log.id',
      'change_log.at',
      'change_log.action',
      'change_log.summary',
      'change_log.class_id',
      'classes.name as class_name',
      'change_log.asked_by',
      'change_log.approved_by',
      'change_log.reason',
    ])
    .where('change_log.school_id', '=', user.schoolId);
  if (!seesEveryClass(user.role)) {
    query = query.where((eb) =>
      eb.or([
        eb('change_log.class_id', 'is', null),
        eb(
          'change_log.class_id',
          'in',
          eb.selectFrom('classes').select('id').where('teacher_id', '=', user.id),
        ),
      ]),
    );
  }
  return query.orderBy('change_log.id', 'desc');
}

type LogRow = Awaited<ReturnType<ReturnType<typeof visibleRows>['executeTakeFirstOrThrow']>>;

function toView(row: LogRow) {
  return {
    id: row.id,
    at: row.at,
    action: row.action as ChangeAction,
    summary: row.summary,
    class: row.class_id !== null ? { id: row.class_id, name: row.class_name ?? '' } : null,
    askedBy: row.asked_by,
    approvedBy: row.approved_by,
    reason: row.reason,
  };
}

export type ChangeLogView = ReturnType<typeof toView>;

/** One page, newest first; `before` is the id the previous page ended on. */
export async function readChangeLog(
  db: HubDb,
  user: SessionUser,
  page: { before: number | undefined; limit: number },
): Promise<{ entries: ChangeLogView[]; nextBefore: number | null }> {
  let query = visibleRows(db, user);
  if (page.before !== undefined) query = query.where('change_log.id', '<', page.before);
  const rows = await query.limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    entries: rows.map(toView),
    nextBefore: rows.length === page.limit && last ? last.id : null,
  };
}

/** Every row the user may read, newest first, for the export. */
export async function readWholeChangeLog(db: HubDb, user: SessionUser): Promise<ChangeLogView[]> {
  return (await visibleRows(db, user).execute()).map(toView);
}
