// The admin makes staff accounts: checked like every body, stored only as a scrypt hash, and a
// taken username is refused. The new user can log in at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestHub, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let ali: Session;
beforeEach(async () => {
  hub = await createTestHub();
  ali = await login(hub.app, 'ali');
});

const newUser = {
  username: ' Cara.Teacher ',
  name: 'Cara Teacher',
  role: 'teacher',
  password: 'cara-password-12',
};
const create = (session: Session, json: unknown) =>
  call(hub.app, 'POST', '/api/users', { session, json });

describe('making a user', () => {
  it('creates the user in the admin’s school, hashed, and never answers the hash', async () => {
    const created = await create(ali, newUser);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      user: {
        id: expect.any(Number),
        username: 'cara.teacher',
        name: 'Cara Teacher',
        role: 'teacher',
      },
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt|password/i);
    const row = await hub.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'cara.teacher')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ school_id: 1, created_at: '2026-03-02T09:00:00.000Z' });
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(row.password_hash).not.toContain(newUser.password);
    // Listed for the admin, and able to log in at once.
    const users = await call(hub.app, 'GET', '/api/users', { session: ali });
    expect(users.body.users).toContainEqual({
      id: row.id,
      username: 'cara.teacher',
      name: 'Cara Teacher',
      role: 'teacher',
    });
    const loggedIn = await hub.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'CARA.teacher', password: newUser.password }),
    });
    expect(loggedIn.status).toBe(200);
  });

  it('is for the admin only (403)', async () => {
    for (const name of ['ada', 'dina'] as const) {
      expect(await create(await login(hub.app, name), newUser)).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
    }
    expect(await hub.db.selectFrom('users').select('id').execute()).toHaveLength(4);
  });

  it('refuses a username that is taken, in any case (409)', async () => {
    for (const username of ['ada', ' ADA ']) {
      expect(await create(ali, { ...newUser, username })).toMatchObject({
        status: 409,
        body: { error: "The username 'ada' is taken; choose another." },
      });
    }
    expect((await create(ali, newUser)).status).toBe(201);
    expect(await create(ali, newUser)).toMatchObject({ status: 409 });
  });

  it.each([
    [{ username: 'ab' }, 'username: use at least 3 characters'],
    [{ username: 'a'.repeat(65) }, 'username: is longer than 64 characters'],
    [
      { username: 'cara teacher' },
      'username: use letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
    ],
    [
      { username: '-cara' },
      'username: use letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
    ],
    [{ name: '' }, 'name: is empty'],
    [{ name: 'Cara\u0000' }, 'name: has a control character in it'],
    [{ role: 'head' }, "role: expected 'teacher', 'dsl' or 'admin'"],
    [{ password: 'short-pass1' }, 'password: use at least 12 characters'],
    [{ password: 'x'.repeat(257) }, 'password: is longer than 256 characters'],
  ])('refuses a bad user with 400 (%#)', async (change, error) => {
    expect(await create(ali, { ...newUser, ...change })).toMatchObject({
      status: 400,
      body: { error },
    });
    expect(await hub.db.selectFrom('users').select('id').execute()).toHaveLength(4);
  });

  it('needs the CSRF token', async () => {
    const refused = await call(hub.app, 'POST', '/api/users', {
      session: ali,
      csrf: false,
      json: newUser,
    });
    expect(refused.status).toBe(403);
  });
});
