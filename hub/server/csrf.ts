// A page on another site can make a teacher's browser send the session cookie, but it can't
// read the CSRF token or set a custom header, so every change must carry the token in
// `X-CSRF-Token`. SameSite=Strict on the cookie is the first defence; this is the second.
import { HubError } from './errors';
import type { TeacherSession } from './hub-env';
import { sameSecret } from './tokens';

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkCsrf(method: string, header: string | undefined, session: TeacherSession) {
  if (SAFE_METHODS.has(method)) return;
  if (!header) {
    throw new HubError(403, `This change needs the ${CSRF_HEADER} header from your login.`);
  }
  if (!sameSecret(header, session.csrfToken)) {
    throw new HubError(403, `The ${CSRF_HEADER} header does not match your login; log in again.`);
  }
}
