// Flags for staff: who sees which (a teacher their own classes' pupils; the DSL and the admin the
// whole school, pupils on no roster included), handling them step by step with every step kept,
// the refusals of a step that can't follow, and the screenshot only the DSL may open.
import { beforeEach, describe, expect, it } from 'vitest';
import { flag, SCREENSHOT, uploadFlags, uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let ada: Session;
let bob: Session;
let dina: Session;
let ali: Session;
beforeEach(async () => {
  hub = await createTestHub();
  const amy = await enrol(hub.app, 'amy@test.school');
  const hal = await enrol(hub.app, 'hal@test.school');
  const stray = await enrol(hub.app, 'new@test.school');
  expect((await uploadFlags(hub.app, amy, [flag(1, { screenshot: SCREENSHOT })])).status).toBe(200);
  hub.advance(1_000);
  expect((await uploadFlags(hub.app, hal, [flag(2, { reason: 'unkind' })])).status).toBe(200);
  hub.advance(1_000);
  expect((await uploadFlags(hub.app, stray, [flag(3, { reason: 'contact' })])).status).toBe(200);
  hub.advance(1_000);
  ada = await login(hub.app, 'ada');
  bob = await login(hub.app, 'bob');
  dina = await login(hub.app, 'dina');
  ali = await login(hub.app, 'ali');
});

type FlagView = { id: string; status: string; history: unknown[] } & Record<string, unknown>;
const list = async (session: Session, query = '') => {
  const answer = await call(hub.app, 'GET', `/api/flags${query}`, { session });
  expect(answer.status).toBe(200);
  return answer.body as { flags: FlagView[]; nextBefore: number | null };
};
const ids = async (session: Session, query = '') =>
  (await list(session, query)).flags.map((view) => view.id);
const handle = (session: Session, n: number, step: string, json: unknown) =>
  call(hub.app, 'POST', `/api/flags/${uuid(n)}/${step}`, { session, json });
const events = () =>
  hub.db.selectFrom('flag_events').select(['flag_id', 'user_id', 'action', 'note']).execute();

describe('listing flags', () => {
  it('shows a teacher the flags of their own classes’ pupils only', async () => {
    expect(await ids(ada)).toEqual([uuid(1)]);
    expect(await ids(bob)).toEqual([uuid(2)]);
  });

  it('shows the DSL and the admin every flag, a pupil on no roster included, newest first', async () => {
    expect(await ids(dina)).toEqual([uuid(3), uuid(2), uuid(1)]);
    expect(await ids(ali)).toEqual([uuid(3), uuid(2), uuid(1)]);
  });

  it('gives each flag with its pupil, class and handling, and never the screenshot', async () => {
    const answer = await call(hub.app, 'GET', '/api/flags', { session: dina });
    expect(JSON.stringify(answer.body)).not.toContain('/9j/4AAQ');
    const { flags } = answer.body as { flags: FlagView[] };
    expect(flags[2]).toEqual({
      id: uuid(1),
      pupil: { id: expect.any(Number), name: 'Amy Robin' },
      class: { id: hub.classIds.robins, name: 'Year 2 Robins' },
      account: 'amy@test.school',
      url: 'https://video.example.com/watch?v=abc',
      title: 'A video',
      reason: null,
      note: '',
      source: 'popup',
      createdAt: '2026-03-02T08:59:00.000Z',
      receivedAt: '2026-03-02T09:00:00.000Z',
      hasScreenshot: true,
      status: 'open',
      actionTaken: null,
      handledBy: null,
      handledAt: null,
      escalatedBy: null,
      escalatedAt: null,
      history: [],
    });
    expect(flags[0]).toMatchObject({
      id: uuid(3),
      pupil: null,
      class: null,
      account: 'new@test.school',
      reason: 'contact',
      hasScreenshot: false,
    });
  });

  it('pages newest first with nextBefore', async () => {
    const first = await list(dina, '?limit=2');
    expect(first.flags.map((view) => view.id)).toEqual([uuid(3), uuid(2)]);
    expect(first.nextBefore).toEqual(expect.any(Number));
    const rest = await list(dina, `?limit=2&before=${first.nextBefore}`);
    expect(rest).toEqual({ flags: [expect.objectContaining({ id: uuid(1) })], nextBefore: null });
    for (const [query, error] of [
      ['?status=some', "status: expected 'open' or 'all'"],
      ['?limit=0', 'limit: expected at least 1'],
      ['?limit=201', 'limit: expected at most 200'],
      ['?before=x', 'before: expected the nextBefore of the previous page'],
    ]) {
      expect(await call(hub.app, 'GET', `/api/flags${query}`, { session: dina })).toMatchObject({
        status: 400,
        body: { error },
      });
    }
  });

  it('lists open flags by default: handled ones leave, but the DSL keeps the escalated', async () => {
    expect((await handle(ada, 1, 'acknowledge', { action: 'Closed the tab' })).status).toBe(200);
    expect((await handle(bob, 2, 'escalate', { note: 'Name-calling again' })).status).toBe(200);
    expect(await ids(ada)).toEqual([]);
    expect(await ids(ada, '?status=all')).toEqual([uuid(1)]);
    expect(await ids(bob)).toEqual([]);
    expect(await ids(dina)).toEqual([uuid(3), uuid(2)]);
    expect(await ids(ali)).toEqual([uuid(3)]);
    expect(await ids(dina, '?status=all')).toEqual([uuid(3), uuid(2), uuid(1)]);
  });
});

describe('handling a flag', () => {
  it('records the action taken, by whom and when, and keeps every step', async () => {
    hub.advance(60_000);
    const acknowledged = await handle(ada, 1, 'acknowledge', {
      action: '  Closed the video and\r\nspoke to Amy  ',
    });
    expect(acknowledged).toMatchObject({
      status: 200,
      body: {
        flag: {
          id: uuid(1),
          status: 'acknowledged',
          actionTaken: 'Closed the video and\nspoke to Amy',
          handledBy: 'Ada Teacher',
          handledAt: '2026-03-02T09:01:03.000Z',
        },
      },
    });
    hub.advance(60_000);
    const escalated = await handle(ada, 1, 'escalate', { note: 'She was very upset' });
    expect(escalated.body.flag).toMatchObject({
      status: 'escalated',
      actionTaken: 'Closed the video and\nspoke to Amy',
      escalatedBy: 'Ada Teacher',
      escalatedAt: '2026-03-02T09:02:03.000Z',
    });
    hub.advance(60_000);
    const closed = await handle(dina, 1, 'close', { action: 'Called parents; logged' });
    expect(closed.body.flag).toMatchObject({
      status: 'closed',
      actionTaken: 'Called parents; logged',
      handledBy: 'Dina Safeguarding',
      handledAt: '2026-03-02T09:03:03.000Z',
      escalatedBy: 'Ada Teacher',
      history: [
        {
          at: '2026-03-02T09:01:03.000Z',
          by: 'Ada Teacher',
          action: 'acknowledged',
          note: 'Closed the video and\nspoke to Amy',
        },
        {
          at: '2026-03-02T09:02:03.000Z',
          by: 'Ada Teacher',
          action: 'escalated',
          note: 'She was very upset',
        },
        {
          at: '2026-03-02T09:03:03.000Z',
          by: 'Dina Safeguarding',
          action: 'closed',
          note: 'Called parents; logged',
        },
      ],
    });
    expect(await events()).toEqual([
      expect.objectContaining({
        flag_id: uuid(1),
        user_id: hub.userIds.ada,
        action: 'acknowledged',
      }),
      expect.objectContaining({ flag_id: uuid(1), user_id: hub.userIds.ada, action: 'escalated' }),
      expect.objectContaining({ flag_id: uuid(1), user_id: hub.userIds.dina, action: 'closed' }),
    ]);
    // The teacher sees the DSL's steps too.
    expect((await list(ada, '?status=all')).flags[0]?.history).toHaveLength(3);
  });

  it.each([
    ['acknowledge', 'acknowledge', { action: 'again' }, 'This flag has already been acknowledged.'],
    [
      'escalate',
      'acknowledge',
      { action: 'x' },
      'This flag has been escalated to the DSL, who handles it now.',
    ],
    ['escalate', 'escalate', { note: '' }, 'This flag has already been escalated.'],
  ])('answers 409 when a step can’t follow (%s then %s)', async (first, then, json, error) => {
    const body = first === 'acknowledge' ? { action: 'Spoke to Amy' } : { note: '' };
    expect((await handle(ada, 1, first, body)).status).toBe(200);
    expect(await handle(ada, 1, then, json)).toMatchObject({ status: 409, body: { error } });
    expect(await events()).toHaveLength(1);
  });

  it('answers 409 to any step on a closed flag, and leaves it closed', async () => {
    expect((await handle(dina, 2, 'close', { action: 'Spoke to the class' })).status).toBe(200);
    expect(await handle(bob, 2, 'acknowledge', { action: 'x' })).toMatchObject({
      status: 409,
      body: { error: "This flag is closed, so it can't be acknowledged." },
    });
    expect(await handle(bob, 2, 'escalate', { note: 'x' })).toMatchObject({
      status: 409,
      body: { error: "This flag is closed, so it can't be escalated." },
    });
    expect(await handle(dina, 2, 'close', { action: 'x' })).toMatchObject({
      status: 409,
      body: { error: 'This flag is already closed.' },
    });
    expect((await list(bob, '?status=all')).flags[0]).toMatchObject({
      status: 'closed',
      actionTaken: 'Spoke to the class',
    });
    expect(await events()).toHaveLength(1);
  });

  it('lets only someone who sees a flag handle it, as if others’ did not exist', async () => {
    for (const [session, n] of [
      [ada, 2],
      [ada, 3],
      [bob, 1],
      [ada, 999],
    ] as const) {
      expect(await handle(session, n, 'acknowledge', { action: 'x' })).toMatchObject({
        status: 404,
        body: { error: 'No such flag.' },
      });
      expect(await handle(session, n, 'escalate', { note: 'x' })).toMatchObject({ status: 404 });
    }
    expect(
      await call(hub.app, 'POST', '/api/flags/not-a-uuid/acknowledge', {
        session: ada,
        json: { action: 'x' },
      }),
    ).toMatchObject({ status: 404, body: { error: 'No such flag.' } });
    // The DSL and the admin see (and so may acknowledge) a pupil on no roster.
    expect((await handle(ali, 3, 'acknowledge', { action: 'Found the account' })).status).toBe(200);
    expect((await handle(dina, 3, 'close', { action: 'Done' })).status).toBe(200);
    expect(await events()).toHaveLength(2);
  });

  it('lets only the DSL close, and the DSL not escalate to themselves', async () => {
    for (const session of [ada, ali]) {
      expect(await handle(session, 1, 'close', { action: 'x' })).toMatchObject({
        status: 403,
        body: { error: 'Only the DSL can do this.' },
      });
    }
    expect(await handle(dina, 1, 'escalate', { note: 'x' })).toMatchObject({
      status: 403,
      body: { error: 'Only a teacher or an admin can do this.' },
    });
    expect((await handle(ali, 1, 'escalate', { note: '' })).status).toBe(200);
    expect(await events()).toEqual([expect.objectContaining({ action: 'escalated', note: '' })]);
  });

  it.each([
    [{}, 'action: give the action taken as text'],
    [{ action: '   ' }, 'action: give the action taken'],
    [{ action: 'x'.repeat(1001) }, 'action: is longer than 1000 characters'],
    [{ action: 'bell\u0007' }, 'action: has a control character in it'],
  ])('refuses an acknowledgement without a good action (%#)', async (json, error) => {
    expect(await handle(ada, 1, 'acknowledge', json)).toMatchObject({
      status: 400,
      body: { error },
    });
    expect(await events()).toEqual([]);
  });

  it('needs the CSRF token to handle a flag', async () => {
    const refused = await call(hub.app, 'POST', `/api/flags/${uuid(1)}/acknowledge`, {
      session: ada,
      csrf: false,
      json: { action: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(await events()).toEqual([]);
  });
});

describe('the screenshot', () => {
  const screenshot = (session: Session, n: number) =>
    hub.app.request(`/api/flags/${uuid(n)}/screenshot`, {
      headers: { Cookie: session.cookie },
    });

  it('is the DSL’s alone, as JPEG bytes that no one may cache', async () => {
    const response = await screenshot(dina, 1);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString('base64')).toBe('/9j/4AAQSkZJRgABAQ==');
    for (const session of [ada, ali]) {
      const refused = await screenshot(session, 1);
      expect([refused.status, await refused.json()]).toEqual([
        403,
        { error: 'Only the DSL can do this.' },
      ]);
    }
  });

  it('is 404 when the flag has none, or there is no such flag', async () => {
    const none = await screenshot(dina, 2);
    expect([none.status, await none.json()]).toEqual([
      404,
      { error: 'This flag has no screenshot.' },
    ]);
    const missing = await screenshot(dina, 999);
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'No such flag.' }]);
  });
});
