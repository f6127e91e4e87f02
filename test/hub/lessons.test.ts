// The lesson API over plain HTTP: who may start and end a class's lesson, how sites are
// checked, one running lesson per class, the live view, and lessons ending by their own clock.
import { beforeEach, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../shared/hub-protocol';
import { lessonSchema } from '../../shared/lesson';
import { liveViewSchema } from '../../shared/teacher-socket-protocol';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

const lessonBody = {
  name: 'Volcanoes',
  mode: 'focus',
  sites: ['BBC.co.uk', 'https://www.bbc.co.uk/bitesize/', '=www.natgeokids.com', 'bbc.co.uk'],
  minutes: 40,
};

let hub: TestHub;
let ada: Session;
beforeEach(async () => {
  hub = await createTestHub();
  ada = await login(hub.app, 'ada');
});

const start = (session: Session, classId: number, json: unknown = lessonBody) =>
  call(hub.app, 'POST', `/api/classes/${classId}/lessons`, { session, json });
const end = (session: Session, classId: number, lessonId: string) =>
  call(hub.app, 'POST', `/api/classes/${classId}/lessons/${lessonId}/end`, { session });
const live = (session: Session, classId: number) =>
  call(hub.app, 'GET', `/api/classes/${classId}/live`, { session });
const snapshot = (token: string) => call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });

describe('starting a lesson', () => {
  it('answers 201 with the lesson: canonical sites, its times and the teacher’s name', async () => {
    const answer = await start(ada, hub.classIds.robins);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      lesson: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Volcanoes',
        mode: 'focus',
        // Canonical, and the second spelling of bbc.co.uk is the same site.
        sites: ['bbc.co.uk', 'www.bbc.co.uk/bitesize/', '=www.natgeokids.com'],
        startsAt: '2026-03-02T09:00:00.000Z',
        endsAt: '2026-03-02T09:40:00.000Z',
        teacher: 'Ada Teacher',
      },
    });
    // Exactly the shape a device parses (shared/lesson.ts).
    expect(lessonSchema.strict().parse(answer.body.lesson)).toEqual(answer.body.lesson);
    const stored = await hub.db.selectFrom('lessons').selectAll().execute();
    expect(stored).toEqual([
      {
        id: (answer.body.lesson as { id: string }).id,
        class_id: hub.classIds.robins,
        name: 'Volcanoes',
        mode: 'focus',
        sites: '["bbc.co.uk","www.bbc.co.uk/bitesize/","=www.natgeokids.com"]',
        starts_at: '2026-03-02T09:00:00.000Z',
        ends_at: '2026-03-02T09:40:00.000Z',
        started_by: hub.userIds.ada,
        ended_at: null,
        ended_by: null,
      },
    ]);
  });

  it('lists every bad site by its position, and starts nothing', async () => {
    const answer = await start(ada, hub.classIds.robins, {
      ...lessonBody,
      sites: ['bbc.co.uk', 'bbc co uk', '*.topmarks.co.uk', 'scratch.mit.edu', 'co.uk', 42],
    });
    expect(answer.status).toBe(400);
    const error = answer.body.error as string;
    expect(error.split('; ')).toEqual([
      "sites item 2: 'bbc co uk' is not a web address",
      "sites item 3: '*.topmarks.co.uk' contains a wildcard (*): write 'topmarks.co.uk' to include it and all its subdomains",
      expect.stringMatching(/^sites item 5: 'co\.uk' /),
      'sites item 6: expected the site as text',
    ]);
    expect(await hub.db.selectFrom('lessons').select('id').execute()).toEqual([]);
  });

  it.each([
    [{ minutes: 4 }, 'minutes: a lesson lasts at least 5 minutes'],
    [{ minutes: 181 }, 'minutes: a lesson lasts at most 180 minutes'],
    [{ minutes: 10.5 }, 'minutes: expected whole minutes'],
    [{ sites: [] }, 'sites: list at least one site'],
    [
      { sites: Array.from({ length: 201 }, (_, i) => `site${i}.example.org`) },
      'sites: list at most 200 sites',
    ],
    [{ mode: 'lockdown' }, "mode: expected 'focus' or 'add'"],
    [{ name: '  ' }, 'name: is empty'],
  ])('says what is wrong with %j', async (change, error) => {
    const answer = await start(ada, hub.classIds.robins, { ...lessonBody, ...change });
    expect(answer).toMatchObject({ status: 400, body: { error } });
  });

  it("answers a teacher starting a lesson for another teacher's class with 404", async () => {
    const answer = await start(ada, hub.classIds.hawks);
    expect(answer).toMatchObject({ status: 404, body: { error: 'No such class.' } });
    expect(await hub.db.selectFrom('lessons').select('id').execute()).toEqual([]);
    expect((await start(ada, 9999)).status).toBe(404);
  });

  it('lets the DSL and the admin start a lesson for any class', async () => {
    for (const who of ['dina', 'ali'] as const) {
      const answer = await start(await login(hub.app, who), hub.classIds.hawks);
      expect(answer.status).toBe(201);
    }
  });

  it('needs the CSRF token', async () => {
    const answer = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
      session: ada,
      csrf: false,
      json: lessonBody,
    });
    expect(answer.status).toBe(403);
  });

  it('ends the running lesson when the next one starts: one running lesson per class', async () => {
    const first = await start(ada, hub.classIds.robins);
    hub.advance(10 * 60_000);
    const second = await start(ada, hub.classIds.robins, { ...lessonBody, name: 'Rivers' });
    const rows = await hub.db
      .selectFrom('lessons')
      .select(['name', 'ended_at', 'ended_by'])
      .orderBy('starts_at')
      .execute();
    expect(rows).toEqual([
      { name: 'Volcanoes', ended_at: '2026-03-02T09:10:00.000Z', ended_by: hub.userIds.ada },
      { name: 'Rivers', ended_at: null, ended_by: null },
    ]);
    expect((await live(ada, hub.classIds.robins)).body.lesson).toEqual(second.body.lesson);
    expect(first.body.lesson).not.toEqual(second.body.lesson);
  });
});

describe('ending a lesson', () => {
  it('answers {} and the lesson is no longer running; ending it again changes nothing', async () => {
    const token = await enrol(hub.app, 'amy@test.school');
    const { lesson } = (await start(ada, hub.classIds.robins)).body as { lesson: { id: string } };
    expect((await snapshot(token)).body.lesson).toMatchObject({ id: lesson.id });
    hub.advance(5 * 60_000);
    expect(await end(ada, hub.classIds.robins, lesson.id)).toMatchObject({ status: 200, body: {} });
    expect((await snapshot(token)).body.lesson).toBeNull();
    const row = await hub.db.selectFrom('lessons').select(['ended_at', 'ended_by']).execute();
    expect(row).toEqual([{ ended_at: '2026-03-02T09:05:00.000Z', ended_by: hub.userIds.ada }]);
    expect(await end(ada, hub.classIds.robins, lesson.id)).toMatchObject({ status: 200, body: {} });
  });

  it('answers 404 for an unknown lesson, or one of a class the teacher does not teach', async () => {
    const bob = await login(hub.app, 'bob');
    const { lesson } = (await start(bob, hub.classIds.hawks)).body as { lesson: { id: string } };
    for (const [classId, lessonId, error] of [
      [hub.classIds.robins, lesson.id, 'No such lesson.'],
      [hub.classIds.robins, '6f1c1b5e-0000-4000-8000-000000000000', 'No such lesson.'],
      [hub.classIds.robins, 'not-a-uuid', 'No such lesson.'],
      [hub.classIds.hawks, lesson.id, 'No such class.'],
    ] as const) {
      expect(await end(ada, classId, lessonId)).toMatchObject({ status: 404, body: { error } });
    }
    expect((await live(bob, hub.classIds.hawks)).body.lesson).toMatchObject({ id: lesson.id });
  });
});

describe('a lesson past its end time', () => {
  it('is in no snapshot and no live view, with nobody ending it', async () => {
    const token = await enrol(hub.app, 'amy@test.school');
    await start(ada, hub.classIds.robins, { ...lessonBody, minutes: 5 });
    hub.advance(5 * 60_000 - 1);
    expect((await snapshot(token)).body.lesson).not.toBeNull();
    hub.advance(1);
    const after = await snapshot(token);
    expect(after.body).toEqual({
      pupil: { name: 'Amy Robin' },
      classId: hub.classIds.robins,
      keyStage: 'ks1',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: [],
    });
    expect(snapshotSchema.strict().parse(after.body)).toEqual(after.body);
    expect((await live(ada, hub.classIds.robins)).body.lesson).toBeNull();
  });

  it('is closed at its own end time when the next lesson starts', async () => {
    await start(ada, hub.classIds.robins, { ...lessonBody, minutes: 5 });
    hub.advance(30 * 60_000);
    expect((await start(ada, hub.classIds.robins)).status).toBe(201);
    const rows = await hub.db
      .selectFrom('lessons')
      .select(['ended_at', 'ended_by'])
      .orderBy('starts_at')
      .execute();
    expect(rows).toEqual([
      { ended_at: '2026-03-02T09:05:00.000Z', ended_by: null },
      { ended_at: null, ended_by: null },
    ]);
  });
});

describe('the snapshot', () => {
  it("carries the running lesson of the device's own class only", async () => {
    const amy = await enrol(hub.app, 'amy@test.school', 'device-amy');
    const hal = await enrol(hub.app, 'hal@test.school', 'device-hal');
    const { lesson } = (await start(ada, hub.classIds.robins)).body;
    expect((await snapshot(amy)).body.lesson).toEqual(lesson);
    expect((await snapshot(hal)).body.lesson).toBeNull();
  });
});

describe('the live view over HTTP', () => {
  it('lists every pupil, offline with no devices connected, and no lesson', async () => {
    const answer = await live(ada, hub.classIds.robins);
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.body).toEqual({
      lesson: null,
      pupils: [
        {
          id: expect.any(Number),
          name: 'Amy Robin',
          email: 'amy@test.school',
          status: 'offline',
          domain: null,
          lastSeen: null,
          protection: null,
        },
      ],
    });
    expect(liveViewSchema.strict().parse(answer.body)).toEqual(answer.body);
  });

  it("is 404 for another teacher's class, and open to the DSL", async () => {
    expect(await live(ada, hub.classIds.hawks)).toMatchObject({
      status: 404,
      body: { error: 'No such class.' },
    });
    expect((await live(await login(hub.app, 'dina'), hub.classIds.hawks)).status).toBe(200);
  });
});
