// Pupils' flags ("Flag It") as the database holds them. A device sends a flag at the press and
// again, with the same id, once the pupil says what happened: the hub keeps the first copy and only
// fills in what it lacked (a reason, a note, a screenshot), so a retry never makes a second flag
// and never loses a reason already given (ARCHITECTURE rule 3). The pupil's class when the flag
// arrived decides which teacher sees it; the DSL and the admin see every flag of the school.
import type { FlagUpload } from '../../shared/flag';
import type { HubDb } from './database';
import type { DeviceIdentity, SessionUser } from './hub-env';
import { seesEveryClass } from './roles';
import type { FlagStatus } from './schema';
import { uniqueIds } from './upload-items';

export const NO_SUCH_FLAG = 'No such flag.';

export const MAX_FLAGS_PAGE = 200;

/** What a stored copy lacks that this upload has; empty when there is nothing to fill in. */
function fillIn(
  stored: { reason: FlagUpload['reason']; note: string; screenshot: string | null },
  upload: FlagUpload,
) {
  const fill: Partial<Pick<FlagUpload, 'reason' | 'note' | 'screenshot'>> = {};
  if (stored.reason === null && upload.reason !== null) fill.reason = upload.reason;
  if (stored.note === '' && upload.note !== '') fill.note = upload.note;
  if (stored.screenshot === null && upload.screenshot !== null) fill.screenshot = upload.screenshot;
  return fill;
}

export interface StoredFlags {
  /** Every id of the upload the hub holds for this device, in upload order. */
  stored: string[];
  /** Ids another device holds, left as they were. */
  conflicts: string[];
  /** Flags new or filled in; zero for a retry that told the hub nothing new. */
  changed: number;
  /** The classes of the flags that changed (on a roster when they arrived), for the nudge. */
  classIds: number[];
}

/** Stores the upload in one transaction and returns once it has committed. */
export async function storeFlags(
  db: HubDb,
  device: DeviceIdentity,
  flags: readonly FlagUpload[],
  now: Date,
): Promise<StoredFlags> {
  const receivedAt = now.toISOString();
  const conflicts = new Set<string>();
  const classIds = new Set<number>();
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    // One at a time: a batch may name an id twice (the press, then the reason), which is then
    // the same flag filled in, as if it had come in two uploads.
    for (const flag of flags) {
      const existing = await trx
        .selectFrom('flags')
        .select(['device_id', 'class_id', 'reason', 'note', 'screenshot'])
        .where('id', '=', flag.id)
        .executeTakeFirst();
      if (!existing) {
        const classId = device.pupil?.classId ?? null;
        await trx
          .insertInto('flags')
          .values({
            id: flag.id,
            school_id: device.schoolId,
            device_id: device.id,
            pupil_id: device.pupil?.id ?? null,
            class_id: classId,
            url: flag.url,
            title: flag.title,
            reason: flag.reason,
            note: flag.note,
            source: flag.source,
            // One form (UTC), so times sort and compare as text whatever offset a device used.
            created_at: new Date(flag.createdAt).toISOString(),
            received_at: receivedAt,
            screenshot: flag.screenshot,
            status: 'open',
            action_taken: null,
            handled_by: null,
            handled_at: null,
            escalated_by: null,
            escalated_at: null,
          })
          .execute();
        changed += 1;
        if (classId !== null) classIds.add(classId);
        continue;
      }
      if (existing.device_id !== device.id) {
        conflicts.add(flag.id);
        continue;
      }
      const fill = fillIn(existing, flag);
      if (Object.keys(fill).length === 0) continue;
      await trx.updateTable('flags').set(fill).where('id', '=', flag.id).execute();
      changed += 1;
      if (existing.class_id !== null) classIds.add(existing.class_id);
    }
  });
  return {
    stored: uniqueIds(flags).filter((id) => !conflicts.has(id)),
    conflicts: [...conflicts],
    changed,
    classIds: [...classIds],
  };
}

const flagsWithNames = (db: HubDb) =>
  db
    .selectFrom('flags')
    .innerJoin('devices', 'devices.id', 'flags.device_id')
    .leftJoin('pupils', 'pupils.id', 'flags.pupil_id')
    .leftJoin('classes', 'classes.id', 'flags.class_id')
    .leftJoin('users as handler', 'handler.id', 'flags.handled_by')
    .leftJoin('users as escalator', 'escalator.id', 'flags.escalated_by')
    .select((eb) => [
      'flags.seq',
      'flags.id',
      'flags.pupil_id',
      'pupils.name as pupil_name',
      'flags.class_id',
      'classes.name as class_name',
      'devices.email',
      'flags.url',
      'flags.title',
      'flags.reason',
      'flags.note',
      'flags.source',
      'flags.created_at',
      'flags.received_at',
      // Never the screenshot itself: up to 400 KB each, and only the DSL may open it.
      eb('flags.screenshot', 'is not', null).as('has_screenshot'),
      'flags.status',
      'flags.action_taken',
      'handler.name as handled_by_name',
      'flags.handled_at',
      'escalator.name as escalated_by_name',
      'flags.escalated_at',
    ]);

type FlagRow = Awaited<ReturnType<ReturnType<typeof flagsWithNames>['executeTakeFirstOrThrow']>>;

export interface FlagStep {
  at: string;
  by: string;
  action: 'acknowledged' | 'escalated' | 'closed';
  note: string;
}

function toView(row: FlagRow, history: FlagStep[]) {
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
    url: row.url,
    title: row.title,
    reason: row.reason,
    note: row.note,
    source: row.source,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    hasScreenshot: Boolean(row.has_screenshot),
    status: row.status,
    actionTaken: row.action_taken,
    handledBy: row.handled_by_name,
    handledAt: row.handled_at,
    escalatedBy: row.escalated_by_name,
    escalatedAt: row.escalated_at,
    /** Every handling step, oldest first: what was done, by whom and when. */
    history,
  };
}

export type FlagView = ReturnType<typeof toView>;

/** Ids per query, well inside SQLite's limit on bound parameters (the export reads them all). */
const IDS_PER_QUERY = 500;

/** Every handling step of these flags, oldest first, by flag id. */
async function historyOf(db: HubDb, flagIds: readonly string[]) {
  const byFlag = new Map<string, FlagStep[]>();
  const rows = [];
  for (let start = 0; start < flagIds.length; start += IDS_PER_QUERY) {
    const chunk = await db
      .selectFrom('flag_events')
      .innerJoin('users', 'users.id', 'flag_events.user_id')
      .select([
        'flag_events.flag_id',
        'flag_events.at',
        'users.name',
        'flag_events.action',
        'flag_events.note',
      ])
      .where('flag_events.flag_id', 'in', flagIds.slice(start, start + IDS_PER_QUERY))
      .orderBy('flag_events.id')
      .execute();
    rows.push(...chunk);
  }
  for (const row of rows) {
    const steps = byFlag.get(row.flag_id) ?? [];
    byFlag.set(row.flag_id, steps);
    steps.push({ at: row.at, by: row.name, action: row.action, note: row.note });
  }
  return byFlag;
}

async function withHistory(db: HubDb, rows: readonly FlagRow[]): Promise<FlagView[]> {
  const history = await historyOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toView(row, history.get(row.id) ?? []));
}

/**
 * The flags a user may see: a teacher those of their own classes' pupils; the DSL and the admin
 * every flag of the school, pupils on no roster included. Newest arrival first.
 */
function visibleFlags(db: HubDb, user: SessionUser) {
  let query = flagsWithNames(db).where('flags.school_id', '=', user.schoolId);
  if (!seesEveryClass(user.role)) {
    query = query.where((eb) =>
      eb(
        'flags.class_id',
        'in',
        eb
          .selectFrom('classes as taught')
          .select('taught.id')
          .where('taught.teacher_id', '=', user.id),
      ),
    );
  }
  return query.orderBy('flags.seq', 'desc');
}

/**
 * What `status=open` lists for each role: flags still waiting for someone. The DSL's also
 * holds the escalated ones, which wait for them.
 */
export function openStatuses(user: SessionUser): FlagStatus[] {
  return user.role === 'dsl' ? ['open', 'escalated'] : ['open'];
}

/** One page, newest arrival first; `before` is where the previous page ended (`nextBefore`). */
export async function listFlags(
  db: HubDb,
  user: SessionUser,
  page: { status: 'open' | 'all'; before: number | undefined; limit: number },
): Promise<{ flags: FlagView[]; nextBefore: number | null }> {
  let query = visibleFlags(db, user);
  if (page.status === 'open') query = query.where('flags.status', 'in', openStatuses(user));
  if (page.before !== undefined) query = query.where('flags.seq', '<', page.before);
  const rows = await query.limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    flags: await withHistory(db, rows),
    nextBefore: rows.length === page.limit && last ? last.seq : null,
  };
}

/** One flag as staff read it (the caller has checked the user may see it). */
export async function readFlag(db: HubDb, id: string): Promise<FlagView> {
  const row = await flagsWithNames(db).where('flags.id', '=', id).executeTakeFirstOrThrow();
  return (await withHistory(db, [row]))[0] as FlagView;
}

/** Every flag of the school, oldest first, for the incident log. */
export async function readSchoolFlags(db: HubDb, schoolId: number): Promise<FlagView[]> {
  const rows = await flagsWithNames(db)
    .where('flags.school_id', '=', schoolId)
    .orderBy('flags.created_at')
    .orderBy('flags.seq')
    .execute();
  return withHistory(db, rows);
}
