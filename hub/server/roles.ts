// Who may do what. A teacher works with their own classes; the DSL (designated safeguarding
// lead) sees every class; the admin manages users, classes and the school's lists.
import { z } from 'zod';
import type { MiddlewareHandler } from 'hono';
import { HubError } from './errors';
import type { HubEnv } from './hub-env';

export const roleSchema = z.enum(['teacher', 'dsl', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** The DSL needs every class for safeguarding, and the admin to manage them. */
export function seesEveryClass(role: Role): boolean {
  return role === 'dsl' || role === 'admin';
}

/** Roles that may be named as a class's teacher (a DSL often teaches a class too). */
export const CLASS_TEACHER_ROLES: readonly Role[] = ['teacher', 'dsl'];

const roleNames: Record<Role, string> = { teacher: 'a teacher', dsl: 'the DSL', admin: 'an admin' };

/** Refuses a logged-in user whose role is not listed (the access gate has checked the login). */
export function requireRole(...roles: Role[]): MiddlewareHandler<HubEnv> {
  const who = roles.map((role) => roleNames[role]).join(' or ');
  return async (c, next) => {
    const session = c.get('session');
    if (!session || !roles.includes(session.user.role)) {
      throw new HubError(403, `Only ${who} can do this.`);
    }
    await next();
  };
}
