// Teacher logins. The cookie holds a random 32-byte id; the database holds only its hash, the
// user, a CSRF token and the expiry. There is no idle extension: a login ends when it expires.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { HubDb } from './database';
import type { TeacherSession } from './hub-env';
import { hashToken, issuedTokenSchema, newToken } from './tokens';

export const SESSION_COOKIE = 'safe_class_session';

export async function createSession(
  db: HubDb,
  userId: number,
  now: Date,
  lifetimeMs: number,
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  // Finished logins are removed whenever someone logs in, so the table stays small.
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(id),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { id, csrfToken, expiresAt };
}

export async function findSession(
  db: HubDb,
  id: string | undefined,
  now: Date,
): Promise<TeacherSession | undefined> {
  if (!issuedTokenSchema.safeParse(id).success) return undefined;
  const idHash = hashToken(id as string);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.school_id', 'users.name', 'users.role', 'sessions.csrf_token'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    user: { id: row.id, schoolId: row.school_id, name: row.name, role: row.role },
    csrfToken: row.csrf_token,
    idHash,
  };
}

/** Whether a login found earlier is still valid: a long-lived socket checks it as it goes. */
export async function sessionIsLive(db: HubDb, idHash: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id_hash')
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteSession(db: HubDb, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, id: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    expires: expiresAt,
    // Secure whenever the hub is reached over HTTPS; a plain-HTTP hub on a laptop still works.
    secure: new URL(c.req.url).protocol === 'https:',
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict' });
}
