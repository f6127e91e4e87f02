// Who may see (and so answer, or cite) an "ask to visit" request: the teacher of its class, the
// DSL and the admin; one from a pupil on no roster, only the DSL and the admin. A request someone
// may not see is answered as not existing at all, like a class (classes.ts).
import { findVisibleClass } from './classes';
import type { HubDb } from './database';
import { HubError } from './errors';
import type { SessionUser } from './hub-env';
import { seesEveryClass } from './roles';
import { findRequestOwner, NO_SUCH_REQUEST } from './visit-requests';

/** Resolves when the user may see the request; else 404 with `notFound`. */
export async function checkCanSeeRequest(
  db: HubDb,
  user: SessionUser,
  id: string,
  notFound = NO_SUCH_REQUEST,
): Promise<void> {
  const owner = await findRequestOwner(db, id);
  if (!owner || owner.school_id !== user.schoolId) throw new HubError(404, notFound);
  if (owner.class_id === null) {
    if (!seesEveryClass(user.role)) throw new HubError(404, notFound);
    return;
  }
  try {
    await findVisibleClass(db, user, owner.class_id);
  } catch (error) {
    if (error instanceof HubError && error.status === 404) throw new HubError(404, notFound);
    throw error;
  }
}
