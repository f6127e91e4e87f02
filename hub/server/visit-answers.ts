// Answering an "ask to visit" request. Allowing one makes a grant (grants.ts) for the exact host
// asked for; the answer, the grant and its change log row are one transaction. The caller then
// tells the devices concerned to read their snapshot again, and the class's teachers.
import type { RequestAnswer } from '../../shared/hub-protocol';
import { writeChangeLog } from './change-log';
import { checkAnswerFits, describeDownloadAnswer } from './download-requests';
import type { HubDb } from './database';
import { HubError } from './errors';
import { exactHostSite } from './grants';
import type { SessionUser } from './hub-env';
import { findRunningLesson } from './lessons';
import { endOfLocalDay } from './local-day';
import { NO_SUCH_REQUEST, readVisitRequest, type VisitRequestView } from './visit-requests';

export const NO_LESSON_RUNNING = 'No lesson is running in this class; allow it for today instead.';
export const NO_LESSON_WITHOUT_CLASS =
  'This pupil is on no class roster, so no lesson is running for them; allow it for today instead.';
export const NO_CLASS_TO_ALLOW =
  'This pupil is on no class roster, so the request can only be allowed for the pupil.';

/** Answers from the last day go in each snapshot, newest first, up to the snapshot's limit. */
export const ANSWERS_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_SNAPSHOT_ANSWERS = 200;

export type VisitRequestAnswer =
  | { decision: 'deny' }
  | { decision: 'allow'; scope: 'pupil' | 'class'; duration: 'lesson' | 'today' }
  /** A download request: this pupil may download this one file, once (download-requests.ts). */
  | { decision: 'allow-once' };

export interface AnswerOutcome {
  request: VisitRequestView;
  grant: { site: string; until: string } | null;
  /** Classes whose connected devices must read their snapshot again. */
  refreshClassIds: number[];
  /** Set when the asking device's email is on no roster: its school's unassigned devices. */
  refreshUnassignedOf: number | null;
  /** The class whose teachers hear that its requests changed. */
  classId: number | null;
}

const requestForAnswer = (db: HubDb, id: string) =>
  db
    .selectFrom('visit_requests')
    .innerJoin('devices', 'devices.id', 'visit_requests.device_id')
    .leftJoin('pupils', 'pupils.id', 'visit_requests.pupil_id')
    // The device's pupil now, whose devices hear the answer (they may have changed class).
    .leftJoin('pupils as current', (join) =>
      join
        .onRef('current.school_id', '=', 'devices.school_id')
        .onRef('current.email', '=', 'devices.email'),
    )
    .select([
      'visit_requests.device_id',
      'visit_requests.pupil_id',
      'visit_requests.class_id',
      'visit_requests.url',
      'visit_requests.reason',
      'visit_requests.status',
      'visit_requests.kind',
      'visit_requests.file_name',
      'devices.school_id',
      'devices.email',
      'pupils.name as pupil_name',
      'current.class_id as current_class_id',
    ])
    .where('visit_requests.id', '=', id)
    .executeTakeFirst();

type AnswerRow = NonNullable<Awaited<ReturnType<typeof requestForAnswer>>>;

interface NewGrant {
  site: string;
  until: string;
  lessonId: string | null;
}

/** The grant an allow makes, or the 400 or 409 that says why it can't be made. */
async function grantFor(
  db: HubDb,
  row: AnswerRow,
  answer: Extract<VisitRequestAnswer, { decision: 'allow' }>,
  now: Date,
): Promise<NewGrant> {
  const site = exactHostSite(row.url);
  if (!site.ok) throw new HubError(400, `This address can't be allowed: ${site.reason}`);
  if (answer.scope === 'class' && row.class_id === null) {
    throw new HubError(400, NO_CLASS_TO_ALLOW);
  }
  if (answer.duration === 'today') {
    return { site: site.site, until: endOfLocalDay(now).toISOString(), lessonId: null };
  }
  if (row.class_id === null) throw new HubError(409, NO_LESSON_WITHOUT_CLASS);
  const lesson = await findRunningLesson(db, row.class_id, now);
  if (!lesson) throw new HubError(409, NO_LESSON_RUNNING);
  return { site: site.site, until: lesson.endsAt, lessonId: lesson.id };
}

function describeAnswer(
  row: AnswerRow,
  answer: VisitRequestAnswer,
  grant: NewGrant | null,
): string {
  if (answer.decision !== 'allow' || !grant) {
    const site = exactHostSite(row.url);
    return `Refused ${site.ok ? site.site : 'an address that is not a web address'}`;
  }
  const who = answer.scope === 'class' ? 'the class' : 'the pupil';
  const until = answer.duration === 'lesson' ? 'the end of the lesson' : 'the end of the day';
  return `Allowed ${grant.site} for ${who} until ${until} (${grant.until})`;
}

/**
 * Answers a pending request, recording who answered and when. Returns 'answered' when it was
 * no longer pending (a second click, or another teacher first). The caller has checked the
 * user may see the request (request-access.ts).
 */
export async function answerVisitRequest(
  db: HubDb,
  input: { id: string; answer: VisitRequestAnswer; user: SessionUser; now: Date },
): Promise<AnswerOutcome | 'answered'> {
  const { answer, user, now } = input;
  return db.transaction().execute(async (trx) => {
    const row = await requestForAnswer(trx, input.id);
    if (!row) throw new HubError(404, NO_SUCH_REQUEST);
    if (row.status !== 'pending') return 'answered';
    checkAnswerFits(row.kind, answer.decision);
    const grant = answer.decision === 'allow' ? await grantFor(trx, row, answer, now) : null;
    const at = now.toISOString();
    const result = await trx
      .updateTable('visit_requests')
      .set({
        status: answer.decision === 'deny' ? 'denied' : 'allowed',
        scope:
          answer.decision === 'allow'
            ? answer.scope
            : answer.decision === 'allow-once'
              ? 'pupil'
              : null,
        duration: answer.decision === 'allow' ? answer.duration : null,
        answered_by: user.id,
        answered_at: at,
      })
      .where('id', '=', input.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return 'answered';
    const classScope = answer.decision === 'allow' && answer.scope === 'class';
    if (grant) {
      await trx
        .insertInto('grants')
        .values({
          request_id: input.id,
          scope: classScope ? 'class' : 'pupil',
          pupil_id: classScope ? null : row.pupil_id,
          device_id: classScope ? null : row.device_id,
          class_id: classScope ? row.class_id : null,
          site: grant.site,
          until: grant.until,
          lesson_id: grant.lessonId,
          created_at: at,
        })
        .execute();
    }
    const download = row.kind === 'download';
    const allowed = answer.decision !== 'deny';
    await writeChangeLog(trx, {
      schoolId: row.school_id,
      at: now,
      action: download
        ? allowed
          ? 'download.allowed'
          : 'download.denied'
        : allowed
          ? 'visit.allowed'
          : 'visit.denied',
      summary: download ? describeDownloadAnswer(row, allowed) : describeAnswer(row, answer, grant),
      classId: row.class_id,
      // The account's email stands in for a pupil on no roster: it is who asked.
      askedBy: row.pupil_name ?? row.email,
      approvedBy: user.name,
      reason: row.reason,
      subject: { pupilId: row.pupil_id, deviceId: row.device_id },
    });
    const refresh = new Set<number>();
    if (row.current_class_id !== null) refresh.add(row.current_class_id);
    if (classScope && row.class_id !== null) refresh.add(row.class_id);
    return {
      request: await readVisitRequest(trx, input.id),
      grant: grant && { site: grant.site, until: grant.until },
      refreshClassIds: [...refresh],
      refreshUnassignedOf: row.current_class_id === null ? row.school_id : null,
      classId: row.class_id,
    };
  });
}

/** How the hub answered this device's requests in the last day, newest first. */
export async function recentAnswers(
  db: HubDb,
  deviceId: number,
  now: Date,
): Promise<RequestAnswer[]> {
  const rows = await db
    .selectFrom('visit_requests')
    .select(['id', 'status', 'answered_at'])
    .where('device_id', '=', deviceId)
    .where('answered_at', '>', new Date(now.getTime() - ANSWERS_WINDOW_MS).toISOString())
    .orderBy('answered_at', 'desc')
    .orderBy('id')
    .limit(MAX_SNAPSHOT_ANSWERS)
    .execute();
  return rows.flatMap((row) =>
    row.status !== 'pending' && row.answered_at !== null
      ? [{ id: row.id, status: row.status, answeredAt: row.answered_at }]
      : [],
  );
}
