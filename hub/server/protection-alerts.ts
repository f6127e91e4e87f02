// Protection alerts as the database holds them: a pupil's device in a running lesson went silent
// past the grace period ('off') or reported its filtering is not the school's policy ('unsafe').
// One open alert a pupil at a time; it closes when their device is back and safe, or when the
// lesson ends. protection-watch.ts decides when; this file only reads and writes.
import type { HubDb } from './database';
import type { AlertKind } from './protection-state';

export const MAX_PROTECTION_ALERTS_PAGE = 200;

export interface NewAlert {
  deviceId: number;
  pupilId: number;
  classId: number;
  lessonId: string;
  kind: AlertKind;
  detail: string;
  at: string;
}

/**
 * Opens an alert unless the pupil has one open already; returns the school it belongs to when
 * it opened one, else null. In one transaction, so two checks at once can't open two.
 */
export function openAlert(db: HubDb, alert: NewAlert): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('protection_alerts')
      .select('id')
      .where('pupil_id', '=', alert.pupilId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (open) return null;
    const school = await trx
      .selectFrom('classes')
      .select('school_id')
      .where('id', '=', alert.classId)
      .executeTakeFirst();
    if (!school) return null;
    await trx
      .insertInto('protection_alerts')
      .values({
        school_id: school.school_id,
        device_id: alert.deviceId,
        pupil_id: alert.pupilId,
        class_id: alert.classId,
        lesson_id: alert.lessonId,
        kind: alert.kind,
        detail: alert.detail.slice(0, 300),
        started_at: alert.at,
        ended_at: null,
      })
      .execute();
    return school.school_id;
  });
}

/** Closes the open alerts of one pupil or one lesson at `at`; the schools and classes they were in. */
function closeOpenAlerts(
  db: HubDb,
  column: 'pupil_id' | 'lesson_id',
  value: number | string,
  at: string,
) {
  return db
    .updateTable('protection_alerts')
    .set({ ended_at: at })
    .where(column, '=', value)
    .where('ended_at', 'is', null)
    .returning(['school_id', 'class_id'])
    .execute();
}

/** The pupil's device is back and safe. */
export const closePupilAlerts = (db: HubDb, pupilId: number, at: string) =>
  closeOpenAlerts(db, 'pupil_id', pupilId, at);

/** The lesson ended (`at`: its end). */
export const closeLessonAlerts = (db: HubDb, lessonId: string, at: string) =>
  closeOpenAlerts(db, 'lesson_id', lessonId, at);

/** Open alerts and their lessons' times, for a hub that just started. */
export function openAlertLessons(db: HubDb) {
  return db
    .selectFrom('protection_alerts')
    .leftJoin('lessons', 'lessons.id', 'protection_alerts.lesson_id')
    .select([
      'protection_alerts.lesson_id as lessonId',
      'protection_alerts.class_id as classId',
      'lessons.ends_at as endsAt',
      'lessons.ended_at as endedAt',
    ])
    .where('protection_alerts.ended_at', 'is', null)
    .execute();
}

/** The class's pupils with an open alert, and its kind. */
export async function openAlertKinds(db: HubDb, classId: number): Promise<Map<number, AlertKind>> {
  const rows = await db
    .selectFrom('protection_alerts')
    .select(['pupil_id', 'kind'])
    .where('class_id', '=', classId)
    .where('ended_at', 'is', null)
    .execute();
  return new Map(rows.flatMap((row) => (row.pupil_id === null ? [] : [[row.pupil_id, row.kind]])));
}

/** The school's alerts for the DSL and the admin, newest first, a page at a time. */
export async function listProtectionAlerts(
  db: HubDb,
  schoolId: number,
  page: { status: 'open' | 'all'; before?: number; limit: number },
) {
  let query = db
    .selectFrom('protection_alerts')
    .leftJoin('pupils', 'pupils.id', 'protection_alerts.pupil_id')
    .leftJoin('classes', 'classes.id', 'protection_alerts.class_id')
    .select([
      'protection_alerts.id',
      'protection_alerts.pupil_id',
      'pupils.name as pupil_name',
      'protection_alerts.class_id',
      'classes.name as class_name',
      'protection_alerts.kind',
      'protection_alerts.detail',
      'protection_alerts.started_at',
      'protection_alerts.ended_at',
    ])
    .where('protection_alerts.school_id', '=', schoolId);
  if (page.status === 'open') query = query.where('protection_alerts.ended_at', 'is', null);
  if (page.before !== undefined) query = query.where('protection_alerts.id', '<', page.before);
  const rows = await query.orderBy('protection_alerts.id', 'desc').limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    alerts: rows.map((row) => ({
      id: row.id,
      pupil: row.pupil_id === null ? null : { id: row.pupil_id, name: row.pupil_name ?? '' },
      class: row.class_id === null ? null : { id: row.class_id, name: row.class_name ?? '' },
      kind: row.kind,
      detail: row.detail,
      startedAt: row.started_at,
      endedAt: row.ended_at,
    })),
    nextBefore: rows.length === page.limit && last ? last.id : null,
  };
}
