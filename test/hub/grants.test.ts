// Answering "ask to visit" requests makes grants: the exact host asked for, for the pupil or the
// class, for the running lesson or the rest of the hub's local day. Each device's snapshot
// carries the grants in force for its pupil and the answers to its own requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../shared/hub-protocol';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

const id = (n: number) => `0b6f4f2e-1c1a-4b5e-9a3e-${String(n).padStart(12, '0')}`;
const lessonBody = { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 };

let hub: TestHub;
let ada: Session;
let amy: string;
let amy2: string;
let hal: string;
beforeEach(async () => {
  hub = await createTestHub();
  ada = await login(hub.app, 'ada');
  amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
  amy2 = await enrol(hub.app, 'amy@test.school', 'tablet-amy');
  hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
});

const ask = async (token: string, n: number, url = 'https://www.Example.org:443/volcanoes?x=1') => {
  const sent = await call(hub.app, 'POST', '/api/device/requests', {
    bearer: token,
    json: {
      requests: [{ id: id(n), url, reason: 'For my project', createdAt: '2026-03-02T08:59:00Z' }],
    },
  });
  expect(sent.status).toBe(200);
};
const answer = (session: Session, n: number, json: unknown) =>
  call(hub.app, 'POST', `/api/requests/${id(n)}/answer`, { session, json });
const snapshot = async (token: string) => {
  const got = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
  expect(got.status).toBe(200);
  // The contract the extension reads, with nothing extra.
  expect(snapshotSchema.strict().parse(got.body)).toEqual(got.body);
  return got.body as { grants: unknown[]; answers: unknown[] };
};
const startLesson = async (session: Session, classId = hub.classIds.robins, minutes = 40) => {
  const started = await call(hub.app, 'POST', `/api/classes/${classId}/lessons`, {
    session,
    json: { ...lessonBody, minutes },
  });
  expect(started.status).toBe(201);
  return started.body.lesson as { id: string; endsAt: string };
};
const status = async (n: number) =>
  (
    await hub.db
      .selectFrom('visit_requests')
      .select('status')
      .where('id', '=', id(n))
      .executeTakeFirstOrThrow()
  ).status;

describe('allowing for the lesson', () => {
  it('grants the exact host until the lesson ends, and answers with the grant', async () => {
    await ask(amy, 1);
    const lesson = await startLesson(ada);
    const allowed = await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' });
    expect(allowed).toMatchObject({
      status: 200,
      body: {
        request: { id: id(1), status: 'allowed', scope: 'pupil', duration: 'lesson' },
        grant: { site: '=www.example.org', until: lesson.endsAt },
      },
    });
    const grant = { requestId: id(1), site: '=www.example.org', until: lesson.endsAt };
    // Every device of the pupil, and nobody else's.
    expect((await snapshot(amy)).grants).toEqual([grant]);
    expect((await snapshot(amy2)).grants).toEqual([grant]);
    expect((await snapshot(hal)).grants).toEqual([]);
  });

  it('refuses with 409 when no lesson is running, and leaves the request pending', async () => {
    await ask(amy, 1);
    for (const scope of ['pupil', 'class']) {
      expect(await answer(ada, 1, { decision: 'allow', scope, duration: 'lesson' })).toEqual({
        status: 409,
        body: { error: 'No lesson is running in this class; allow it for today instead.' },
        headers: expect.anything(),
      });
    }
    // A lesson that has run out counts as none.
    await startLesson(ada, hub.classIds.robins, 5);
    hub.advance(5 * 60_000);
    expect(
      await answer(ada, 1, { decision: 'allow', scope: 'class', duration: 'lesson' }),
    ).toMatchObject({ status: 409 });
    expect(await status(1)).toBe('pending');
    expect(await hub.db.selectFrom('grants').selectAll().execute()).toEqual([]);
  });

  it('drops a lesson-long grant from the next snapshot when the teacher ends the lesson early', async () => {
    await ask(amy, 1);
    await ask(amy, 2, 'https://maps.example.com/');
    const lesson = await startLesson(ada);
    await answer(ada, 1, { decision: 'allow', scope: 'class', duration: 'lesson' });
    await answer(ada, 2, { decision: 'allow', scope: 'pupil', duration: 'today' });
    expect((await snapshot(amy)).grants).toHaveLength(2);
    hub.advance(10 * 60_000);
    const ended = await call(
      hub.app,
      'POST',
      `/api/classes/${hub.classIds.robins}/lessons/${lesson.id}/end`,
      { session: ada },
    );
    expect(ended.status).toBe(200);
    // The day-long grant stays.
    expect((await snapshot(amy)).grants).toEqual([
      { requestId: id(2), site: '=maps.example.com', until: expect.any(String) },
    ]);
  });

  it('drops it when a new lesson replaces the lesson, and at the lesson’s own end', async () => {
    await ask(amy, 1);
    await startLesson(ada);
    await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' });
    await startLesson(ada);
    expect((await snapshot(amy)).grants).toEqual([]);

    await ask(amy, 2);
    await answer(ada, 2, { decision: 'allow', scope: 'pupil', duration: 'lesson' });
    expect((await snapshot(amy)).grants).toHaveLength(1);
    hub.advance(40 * 60_000);
    expect((await snapshot(amy)).grants).toEqual([]);
  });

  it('refuses a lesson-long grant for a pupil on no roster (409)', async () => {
    const stray = await enrol(hub.app, 'new@test.school');
    await ask(stray, 1);
    const dina = await login(hub.app, 'dina');
    expect(
      await answer(dina, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' }),
    ).toMatchObject({
      status: 409,
      body: {
        error:
          'This pupil is on no class roster, so no lesson is running for them; allow it for today instead.',
      },
    });
  });
});

describe('allowing for the class', () => {
  it('grants every pupil of the class, on every device', async () => {
    await ask(hal, 1, 'http://news.example.net/story');
    const bob = await login(hub.app, 'bob');
    const allowed = await answer(bob, 1, { decision: 'allow', scope: 'class', duration: 'today' });
    expect(allowed.status).toBe(200);
    // Another Hawks pupil, enrolled after the answer.
    await hub.db
      .insertInto('pupils')
      .values({
        school_id: 1,
        class_id: hub.classIds.hawks,
        name: 'Hana Hawk',
        email: 'hana@test.school',
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    const hana = await enrol(hub.app, 'hana@test.school');
    const grant = { requestId: id(1), site: '=news.example.net', until: expect.any(String) };
    expect((await snapshot(hal)).grants).toEqual([grant]);
    expect((await snapshot(hana)).grants).toEqual([grant]);
    expect((await snapshot(amy)).grants).toEqual([]);
  });

  it('refuses a class grant for a pupil on no roster (400)', async () => {
    const stray = await enrol(hub.app, 'new@test.school');
    await ask(stray, 1);
    const admin = await login(hub.app, 'ali');
    expect(
      await answer(admin, 1, { decision: 'allow', scope: 'class', duration: 'today' }),
    ).toMatchObject({
      status: 400,
      body: {
        error:
          'This pupil is on no class roster, so the request can only be allowed for the pupil.',
      },
    });
    expect(await status(1)).toBe('pending');
    // For the pupil, for today, it is allowed: on that device only.
    expect(
      await answer(admin, 1, { decision: 'allow', scope: 'pupil', duration: 'today' }),
    ).toMatchObject({ status: 200 });
    expect((await snapshot(stray)).grants).toEqual([
      { requestId: id(1), site: '=www.example.org', until: expect.any(String) },
    ]);
    expect((await snapshot(amy)).grants).toEqual([]);
  });
});

describe('allowing for today', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it.each([
    // The fixture's clock is 2026-03-02T09:00Z.
    ['Europe/London', 0, '2026-03-03T00:00:00.000Z'],
    ['America/New_York', 0, '2026-03-03T05:00:00.000Z'],
    ['Asia/Tokyo', 0, '2026-03-02T15:00:00.000Z'],
    // 2026-03-29 13:00 BST, the day the clocks go forward: midnight is 23:00 UTC.
    ['Europe/London', 27 * 24 * 3600_000 + 3 * 3600_000, '2026-03-29T23:00:00.000Z'],
  ])('lasts until midnight in the hub’s time zone (%s, +%d ms)', async (zone, ms, until) => {
    process.env.TZ = zone;
    hub.advance(ms);
    await ask(amy, 1);
    // A login lasts 12 hours.
    if (ms > 0) ada = await login(hub.app, 'ada');
    const allowed = await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'today' });
    expect(allowed.body.grant).toEqual({ site: '=www.example.org', until });
    expect((await snapshot(amy)).grants).toEqual([
      { requestId: id(1), site: '=www.example.org', until },
    ]);
  });

  it('is gone from the snapshot at midnight', async () => {
    process.env.TZ = 'Europe/London';
    await ask(amy, 1);
    await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'today' });
    hub.advance(15 * 3600_000 - 1);
    expect((await snapshot(amy)).grants).toHaveLength(1);
    hub.advance(1);
    expect((await snapshot(amy)).grants).toEqual([]);
  });
});

describe('the site a grant covers', () => {
  it.each([
    ['http://192.168.0.10:8080/x', '192.168.0.10'],
    ['https://xn--bcher-kva.example/', '=xn--bcher-kva.example'],
    ['https://kids.britannica.com/kids/article', '=kids.britannica.com'],
  ])('is the exact host of %s', async (url, site) => {
    await ask(amy, 1, url);
    const allowed = await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'today' });
    expect(allowed.body.grant).toMatchObject({ site });
  });

  it('refuses to allow an address that is no site (400) and leaves it pending', async () => {
    await ask(amy, 1, 'http://localhost/');
    expect(
      await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'today' }),
    ).toMatchObject({
      status: 400,
      body: {
        error: expect.stringMatching(/^This address can't be allowed: 'localhost' is not a full/),
      },
    });
    expect(await status(1)).toBe('pending');
    // It can still be refused.
    expect((await answer(ada, 1, { decision: 'deny' })).status).toBe(200);
  });
});

describe('answers in the snapshot', () => {
  it('lists this device’s answered requests from the last 24 hours, newest first', async () => {
    await ask(amy, 1);
    await ask(amy, 2);
    await ask(amy, 3);
    await ask(amy2, 4);
    await answer(ada, 1, { decision: 'deny' });
    hub.advance(60_000);
    await answer(ada, 2, { decision: 'allow', scope: 'pupil', duration: 'today' });
    await answer(ada, 4, { decision: 'deny' });
    expect((await snapshot(amy)).answers).toEqual([
      { id: id(2), status: 'allowed', answeredAt: '2026-03-02T09:01:00.000Z' },
      { id: id(1), status: 'denied', answeredAt: '2026-03-02T09:00:00.000Z' },
    ]);
    // The pupil's other device hears only of its own request.
    expect((await snapshot(amy2)).answers).toEqual([
      { id: id(4), status: 'denied', answeredAt: '2026-03-02T09:01:00.000Z' },
    ]);
    hub.advance(24 * 3600_000 - 1);
    expect((await snapshot(amy)).answers).toEqual([
      { id: id(2), status: 'allowed', answeredAt: '2026-03-02T09:01:00.000Z' },
    ]);
    hub.advance(1);
    expect((await snapshot(amy)).answers).toEqual([]);
  });
});

describe('the change log of answers', () => {
  it('records who asked, who answered, why, and what was allowed', async () => {
    await ask(amy, 1);
    await ask(amy, 2);
    await startLesson(ada);
    await answer(ada, 1, { decision: 'allow', scope: 'class', duration: 'lesson' });
    await answer(ada, 2, { decision: 'deny' });
    const rows = await hub.db
      .selectFrom('change_log')
      .selectAll()
      .where('action', 'like', 'visit.%')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: expect.any(Number),
        school_id: 1,
        at: '2026-03-02T09:00:00.000Z',
        action: 'visit.allowed',
        summary:
          'Allowed =www.example.org for the class until the end of the lesson (2026-03-02T09:40:00.000Z)',
        class_id: hub.classIds.robins,
        asked_by: 'Amy Robin',
        approved_by: 'Ada Teacher',
        reason: 'For my project',
        // Who asked, by id, so an erasure can blank them out of the log.
        pupil_id: expect.any(Number),
        device_id: expect.any(Number),
      },
      expect.objectContaining({
        action: 'visit.denied',
        summary: 'Refused =www.example.org',
        asked_by: 'Amy Robin',
        approved_by: 'Ada Teacher',
      }),
    ]);
  });

  it('writes no row, and no grant, for an answer that is refused', async () => {
    await ask(amy, 1);
    await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' });
    await answer(ada, 1, { decision: 'deny' });
    expect(await answer(ada, 1, { decision: 'deny' })).toMatchObject({ status: 409 });
    const actions = await hub.db.selectFrom('change_log').select('action').execute();
    expect(actions).toEqual([{ action: 'visit.denied' }]);
  });
});
