import { beforeEach, describe, expect, it } from 'vitest';
import { call, createTestHub, login, type TestHub } from './hub-fixture';

const names = (body: Record<string, unknown>) =>
  (body.classes as { name: string }[]).map((entry) => entry.name);

describe('classes by role', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  it('shows a teacher only their own classes', async () => {
    const answer = await call(hub.app, 'GET', '/api/classes', {
      session: await login(hub.app, 'ada'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.classes).toEqual([
      {
        id: hub.classIds.robins,
        name: 'Year 2 Robins',
        keyStage: 'ks1',
        teacher: { id: hub.userIds.ada, name: 'Ada Teacher' },
        pupilCount: 1,
      },
    ]);
  });

  it('shows the DSL and the admin every class', async () => {
    for (const who of ['dina', 'ali'] as const) {
      const answer = await call(hub.app, 'GET', '/api/classes', {
        session: await login(hub.app, who),
      });
      expect(names(answer.body)).toEqual(['Year 2 Robins', 'Year 6 Hawks']);
    }
  });

  it("answers a teacher asking for another teacher's class exactly as for no class", async () => {
    const session = await login(hub.app, 'ada');
    const other = await call(hub.app, 'GET', `/api/classes/${hub.classIds.hawks}/pupils`, {
      session,
    });
    const none = await call(hub.app, 'GET', '/api/classes/9999/pupils', { session });
    const junk = await call(hub.app, 'GET', '/api/classes/abc/pupils', { session });
    expect(other).toMatchObject({ status: 404, body: { error: 'No such class.' } });
    expect(none).toEqual({ ...other, headers: none.headers });
    expect(junk).toMatchObject({ status: 404, body: { error: 'No such class.' } });
  });

  it("lists a class's pupils for its teacher and for the DSL", async () => {
    for (const who of ['bob', 'dina'] as const) {
      const answer = await call(hub.app, 'GET', `/api/classes/${hub.classIds.hawks}/pupils`, {
        session: await login(hub.app, who),
      });
      expect(answer.status).toBe(200);
      expect(answer.body.pupils).toEqual([
        { id: expect.any(Number), name: 'Hal Hawk', email: 'hal@test.school' },
      ]);
    }
  });
});

describe('creating a class', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await createTestHub();
  });

  const newClass = (teacherId: number) => ({ name: 'Year 3 Wrens', keyStage: 'ks2', teacherId });

  it('is for the admin only', async () => {
    for (const who of ['ada', 'dina'] as const) {
      const answer = await call(hub.app, 'POST', '/api/classes', {
        session: await login(hub.app, who),
        json: newClass(hub.userIds.ada),
      });
      expect(answer).toMatchObject({ status: 403, body: { error: 'Only an admin can do this.' } });
    }
    expect(await hub.db.selectFrom('classes').select('id').execute()).toHaveLength(2);
  });

  it('creates it for the admin, and its teacher then sees it', async () => {
    const answer = await call(hub.app, 'POST', '/api/classes', {
      session: await login(hub.app, 'ali'),
      json: newClass(hub.userIds.ada),
    });
    expect(answer).toMatchObject({
      status: 201,
      body: {
        class: {
          name: 'Year 3 Wrens',
          keyStage: 'ks2',
          teacher: { id: hub.userIds.ada },
          pupilCount: 0,
        },
      },
    });
    const ada = await call(hub.app, 'GET', '/api/classes', {
      session: await login(hub.app, 'ada'),
    });
    expect(names(ada.body)).toEqual(['Year 2 Robins', 'Year 3 Wrens']);
  });

  it.each([
    [{ name: 'X', keyStage: 'ks3', teacherId: 1 }, "keyStage: expected 'ks1' or 'ks2'"],
    [{ name: '  ', keyStage: 'ks1', teacherId: 1 }, 'name: is empty'],
    [{ name: 'X', keyStage: 'ks1', teacherId: '1' }, 'teacherId: expected the id of a teacher'],
    [{ name: 'X', keyStage: 'ks1' }, 'teacherId: expected the id of a teacher'],
  ])('says what is wrong with %j', async (json, error) => {
    const answer = await call(hub.app, 'POST', '/api/classes', {
      session: await login(hub.app, 'ali'),
      json,
    });
    expect(answer).toMatchObject({ status: 400, body: { error } });
  });

  it('refuses a teacher who is not a teacher, and a name already used', async () => {
    const session = await login(hub.app, 'ali');
    const admin = await call(hub.app, 'POST', '/api/classes', {
      session,
      json: newClass(hub.userIds.ali),
    });
    expect(admin).toMatchObject({
      status: 400,
      body: { error: 'teacherId: no teacher or DSL has that id' },
    });
    const clash = await call(hub.app, 'POST', '/api/classes', {
      session,
      json: { name: 'Year 2 Robins', keyStage: 'ks1', teacherId: hub.userIds.ada },
    });
    expect(clash).toMatchObject({
      status: 409,
      body: { error: "A class called 'Year 2 Robins' already exists." },
    });
  });

  it('needs the CSRF token', async () => {
    const answer = await call(hub.app, 'POST', '/api/classes', {
      session: await login(hub.app, 'ali'),
      csrf: false,
      json: newClass(hub.userIds.ada),
    });
    expect(answer.status).toBe(403);
    expect(await hub.db.selectFrom('classes').select('id').execute()).toHaveLength(2);
  });
});

describe('admin lists', () => {
  it('lists users for the admin and refuses a teacher', async () => {
    const hub = await createTestHub();
    const users = await call(hub.app, 'GET', '/api/users', {
      session: await login(hub.app, 'ali'),
    });
    expect(users.status).toBe(200);
    expect(users.body.users).toContainEqual({
      id: hub.userIds.ada,
      username: 'ada',
      name: 'Ada Teacher',
      role: 'teacher',
    });
    expect(JSON.stringify(users.body)).not.toContain('scrypt');
    const teacher = await call(hub.app, 'GET', '/api/users', {
      session: await login(hub.app, 'ada'),
    });
    expect(teacher).toMatchObject({ status: 403, body: { error: 'Only an admin can do this.' } });
  });
});
