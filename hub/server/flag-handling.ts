// Handling a flag: acknowledging it (with the action taken), escalating it to the DSL, and the
// DSL closing it. Each step is a row of flag_events in the same transaction as the flag's new
// status, so the incident log always says what was done, by whom and when, step by step. Who may
// see a flag is who may handle it: a flag someone may not see is answered as not existing.
import { findVisibleClass } from './classes';
import type { HubDb } from './database';
import { HubError } from './errors';
import { NO_SUCH_FLAG, readFlag, type FlagView } from './flags';
import type { SessionUser } from './hub-env';
import { seesEveryClass } from './roles';
import type { FlagStatus } from './schema';

export type FlagStepAction = 'acknowledged' | 'escalated' | 'closed';

/** Resolves when the user may see the flag; else 404, as for a flag that doesn't exist. */
export async function checkCanSeeFlag(db: HubDb, user: SessionUser, id: string): Promise<void> {
  const owner = await db
    .selectFrom('flags')
    .select(['school_id', 'class_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!owner || owner.school_id !== user.schoolId) throw new HubError(404, NO_SUCH_FLAG);
  if (seesEveryClass(user.role)) return;
  if (owner.class_id === null) throw new HubError(404, NO_SUCH_FLAG);
  try {
    await findVisibleClass(db, user, owner.class_id);
  } catch (error) {
    if (error instanceof HubError && error.status === 404) throw new HubError(404, NO_SUCH_FLAG);
    throw error;
  }
}

/** The statuses each step may follow; anything else is a 409 (refusal below). */
const ALLOWED_FROM: Record<FlagStepAction, readonly FlagStatus[]> = {
  acknowledged: ['open'],
  escalated: ['open', 'acknowledged'],
  closed: ['open', 'acknowledged', 'escalated'],
};

/** Why a step can't follow the flag's status, in words for the dashboard. */
export function refusal(action: FlagStepAction, status: FlagStatus): string {
  if (status === 'closed') {
    return action === 'closed'
      ? 'This flag is already closed.'
      : `This flag is closed, so it can't be ${action}.`;
  }
  if (status === action) return `This flag has already been ${action}.`;
  if (status === 'escalated') {
    return 'This flag has been escalated to the DSL, who handles it now.';
  }
  return `This flag can't be ${action} now.`;
}

export interface FlagStepOutcome {
  flag: FlagView;
  /** The flag's class when it arrived, whose teachers hear that it changed. */
  classId: number | null;
}

/**
 * Takes one handling step and records it. The caller has checked the user may see the flag
 * and may take this step (their role).
 */
export async function takeFlagStep(
  db: HubDb,
  input: { id: string; action: FlagStepAction; note: string; user: SessionUser; now: Date },
): Promise<FlagStepOutcome> {
  const { id, action, note, user } = input;
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('flags')
      .select(['status', 'class_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new HubError(404, NO_SUCH_FLAG);
    if (!ALLOWED_FROM[action].includes(row.status)) {
      throw new HubError(409, refusal(action, row.status));
    }
    const change =
      action === 'escalated'
        ? { status: action, escalated_by: user.id, escalated_at: at }
        : { status: action, action_taken: note, handled_by: user.id, handled_at: at };
    const result = await trx
      .updateTable('flags')
      .set(change)
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    // Only where transactions can interleave (PostgreSQL): someone else's step came first.
    if (result.numUpdatedRows === 0n) {
      throw new HubError(409, 'Someone else handled this flag just now; read it again.');
    }
    await trx
      .insertInto('flag_events')
      .values({ flag_id: id, at, user_id: user.id, action, note })
      .execute();
    return { flag: await readFlag(trx, id), classId: row.class_id };
  });
}
