// Teacher login, logout and "who am I". Login is the one teacher endpoint open without a
// session; it is rate-limited on failures per address and username, and per address.
import { Hono } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../client-address';
import { HubError } from '../errors';
import type { HubEnv, SessionUser } from '../hub-env';
import { hashPassword, newPassword, verifyPassword } from '../passwords';
import { sessionOf } from '../request-identity';
import type { HubServices } from '../services';
import {
  clearSessionCookie,
  createSession,
  deleteSession,
  readSessionCookie,
  writeSessionCookie,
} from '../sessions';
import { hashToken } from '../tokens';
import { jsonBody } from '../validation';

const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'enter a username').max(64, 'too long'),
  password: z.string().min(1, 'enter a password').max(256, 'too long'),
});

const publicUser = (user: SessionUser) => ({ id: user.id, name: user.name, role: user.role });

export function authRoutes(services: HubServices) {
  const { db, limiters } = services;
  // An unknown username still costs one hash check, so the time taken doesn't reveal which
  // usernames exist.
  let standIn: Promise<string> | undefined;
  const standInHash = () => (standIn ??= hashPassword(newPassword(), services.passwordParams));

  return new Hono<HubEnv>()
    .post('/login', jsonBody(loginSchema), async (c) => {
      const { username, password } = c.req.valid('json');
      const address = clientAddress(c);
      const userKey = `${address}|${username}`;
      const wait = Math.max(
        limiters.loginPerUser.retryAfter(userKey),
        limiters.loginPerAddress.retryAfter(address),
      );
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60);
        throw new HubError(429, `Too many failed logins; try again in ${minutes} min.`, {
          'Retry-After': String(wait),
        });
      }
      // Counted before the slow hash check, so a burst of parallel guesses can't all pass the
      // check above before the first failure is recorded; a success takes its count back.
      limiters.loginPerUser.hit(userKey);
      limiters.loginPerAddress.hit(address);
      const user = await db
        .selectFrom('users')
        .select(['id', 'school_id', 'name', 'role', 'password_hash'])
        .where('username', '=', username)
        .executeTakeFirst();
      const matches = await verifyPassword(password, user?.password_hash ?? (await standInHash()));
      if (!user || !matches) throw new HubError(401, 'Wrong username or password.');
      limiters.loginPerUser.clear(userKey);
      limiters.loginPerAddress.release(address);
      const previous = readSessionCookie(c);
      if (previous) await deleteSession(db, hashToken(previous));
      const session = await createSession(db, user.id, services.now(), services.limits.sessionMs);
      writeSessionCookie(c, session.id, session.expiresAt);
      const sessionUser = {
        id: user.id,
        schoolId: user.school_id,
        name: user.name,
        role: user.role,
      };
      return c.json({ user: publicUser(sessionUser), csrfToken: session.csrfToken });
    })
    .post('/logout', async (c) => {
      await deleteSession(db, sessionOf(c).idHash);
      clearSessionCookie(c);
      return c.json({ loggedOut: true });
    })
    .get('/me', (c) => {
      const session = sessionOf(c);
      // The dashboard reads the CSRF token from here after a page reload.
      return c.json({ user: publicUser(session.user), csrfToken: session.csrfToken });
    });
}
