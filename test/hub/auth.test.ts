import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestHub, login, USERS, type TestHub } from './hub-fixture';

const loginAs = (hub: TestHub, username: string, password: string, address?: string) =>
  call(hub.app, 'POST', '/api/auth/login', {
    json: { username, password },
    ...(address ? { address } : {}),
  });

describe('teacher login', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  it('answers the user and a CSRF token, and sets a strict HttpOnly session cookie', async () => {
    const answer = await loginAs(hub, 'ada', USERS.ada.password);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: { id: hub.userIds.ada, name: 'Ada Teacher', role: 'teacher' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = answer.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^safe_class_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('stores only a hash of the session id', async () => {
    const answer = await loginAs(hub, 'ada', USERS.ada.password);
    const id = /safe_class_session=([^;]+)/.exec(answer.headers.get('Set-Cookie') ?? '')?.[1];
    const rows = await hub.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id_hash).not.toContain(id);
  });

  it('accepts the username in any case', async () => {
    expect((await loginAs(hub, ' ADA ', USERS.ada.password)).status).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await loginAs(hub, 'ada', 'not-it');
    const unknown = await loginAs(hub, 'nobody', 'not-it');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'Wrong username or password.' } });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'Wrong username or password.' } });
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
  });

  it('says which field is missing', async () => {
    const answer = await call(hub.app, 'POST', '/api/auth/login', { json: { username: 'ada' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/^password: /);
  });

  it('refuses a body that is not JSON, or is malformed JSON', async () => {
    const form = await call(hub.app, 'POST', '/api/auth/login', {
      body: 'username=ada&password=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form).toMatchObject({ status: 415, body: { error: expect.stringContaining('JSON') } });
    const broken = await call(hub.app, 'POST', '/api/auth/login', {
      body: '{"username":',
      contentType: 'application/json',
    });
    expect(broken).toMatchObject({
      status: 400,
      body: { error: 'Malformed JSON in request body' },
    });
  });

  it('refuses the 11th failure in 15 minutes with 429, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expect((await loginAs(hub, 'ada', 'guess')).status).toBe(401);
    const blocked = await loginAs(hub, 'ada', USERS.ada.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatch(/Too many failed logins/);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another user from the same address, and the same user from another address, still log in.
    expect((await loginAs(hub, 'bob', USERS.bob.password)).status).toBe(200);
    expect((await loginAs(hub, 'ada', USERS.ada.password, '198.51.100.7')).status).toBe(200);
    hub.advance(15 * 60_000);
    expect((await loginAs(hub, 'ada', USERS.ada.password)).status).toBe(200);
  });

  it('holds to the limit when the guesses arrive all at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => loginAs(hub, 'ada', 'guess')),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
  });

  it('does not count successful logins towards the limits', async () => {
    hub = await createTestHub({ loginFailuresPerAddress: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++)
      expect((await loginAs(hub, 'bob', USERS.bob.password)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await loginAs(hub, 'ada', 'guess')).status).toBe(401);
    expect((await loginAs(hub, 'ada', USERS.ada.password)).status).toBe(200);
  });

  it('limits failures from one address across usernames', async () => {
    hub = await createTestHub({ loginFailuresPerAddress: { limit: 3, windowMs: 60_000 } });
    for (const name of ['x1', 'x2', 'x3'])
      expect((await loginAs(hub, name, 'guess')).status).toBe(401);
    expect((await loginAs(hub, 'ada', USERS.ada.password)).status).toBe(429);
  });
});

describe('a teacher session', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  it('reports who is logged in, with the CSRF token', async () => {
    const session = await login(hub.app, 'dina');
    const me = await call(hub.app, 'GET', '/api/auth/me', { session });
    expect(me).toMatchObject({
      status: 200,
      body: { user: { name: 'Dina Safeguarding', role: 'dsl' }, csrfToken: session.csrfToken },
    });
  });

  it('is needed for /me', async () => {
    const me = await call(hub.app, 'GET', '/api/auth/me');
    expect(me).toMatchObject({ status: 401, body: { error: 'Log in as a teacher first.' } });
  });

  it('refuses a change without the CSRF header, or with another session’s token', async () => {
    const session = await login(hub.app, 'ada');
    const other = await login(hub.app, 'bob');
    const missing = await call(hub.app, 'POST', '/api/auth/logout', { session, csrf: false });
    expect(missing).toMatchObject({
      status: 403,
      body: { error: expect.stringContaining('X-CSRF-Token') },
    });
    const wrong = await call(hub.app, 'POST', '/api/auth/logout', {
      session,
      csrf: other.csrfToken,
    });
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: expect.stringContaining('does not match') },
    });
    // Neither attempt logged Ada out.
    expect((await call(hub.app, 'GET', '/api/auth/me', { session })).status).toBe(200);
  });

  it('ends at logout, and the cookie is cleared', async () => {
    const session = await login(hub.app, 'ada');
    const out = await call(hub.app, 'POST', '/api/auth/logout', { session });
    expect(out).toMatchObject({ status: 200, body: { loggedOut: true } });
    expect(out.headers.get('Set-Cookie')).toMatch(/safe_class_session=;.*Max-Age=0/);
    expect((await call(hub.app, 'GET', '/api/auth/me', { session })).status).toBe(401);
  });

  it('expires after 12 hours', async () => {
    const session = await login(hub.app, 'ada');
    hub.advance(12 * 60 * 60_000 - 1000);
    expect((await call(hub.app, 'GET', '/api/auth/me', { session })).status).toBe(200);
    hub.advance(1000);
    expect((await call(hub.app, 'GET', '/api/auth/me', { session })).status).toBe(401);
  });
});
