// "Ask to visit" requests: devices upload their outbox (stored once, however often it is sent),
// and teachers list and answer the requests of their own classes' pupils.
import { beforeEach, describe, expect, it } from 'vitest';
import { visitRequestUploadResponseSchema } from '../../shared/hub-protocol';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

const ID_A = '0b6f4f2e-1c1a-4b5e-9a3e-000000000001';
const ID_B = '0b6f4f2e-1c1a-4b5e-9a3e-000000000002';
const ID_C = '0b6f4f2e-1c1a-4b5e-9a3e-000000000003';

const request = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  url: 'https://www.example.org/volcanoes?page=2',
  reason: 'For my volcano project',
  createdAt: '2026-03-02T08:59:00.000Z',
  ...overrides,
});

let hub: TestHub;
let amy: string;
let hal: string;
beforeEach(async () => {
  hub = await createTestHub();
  amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
  hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
});

const upload = (token: string, requests: unknown[]) =>
  call(hub.app, 'POST', '/api/device/requests', { bearer: token, json: { requests } });
const list = (session: Session, classId: number, status?: string) =>
  call(
    hub.app,
    'GET',
    `/api/classes/${classId}/requests${status === undefined ? '' : `?status=${status}`}`,
    { session },
  );
const answer = (session: Session, id: string, json: unknown) =>
  call(hub.app, 'POST', `/api/requests/${id}/answer`, { session, json });
const stored = () => hub.db.selectFrom('visit_requests').selectAll().orderBy('id').execute();

describe('uploading requests from a device', () => {
  it('stores a batch durably and answers every id', async () => {
    const sent = await upload(amy, [
      request(ID_A),
      request(ID_B, { url: 'http://maps.example.com/', reason: '' }),
    ]);
    expect(sent).toMatchObject({ status: 200, body: { stored: [ID_A, ID_B], conflicts: [] } });
    expect(visitRequestUploadResponseSchema.strict().parse(sent.body)).toEqual(sent.body);
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      id: ID_A,
      device_id: expect.any(Number),
      pupil_id: expect.any(Number),
      class_id: hub.classIds.robins,
      url: 'https://www.example.org/volcanoes?page=2',
      reason: 'For my volcano project',
      created_at: '2026-03-02T08:59:00.000Z',
      received_at: '2026-03-02T09:00:00.000Z',
      status: 'pending',
      scope: null,
      duration: null,
      answered_by: null,
      answered_at: null,
      kind: 'visit',
      file_name: null,
    });
  });

  it('stores nothing new on a retry and still answers every id', async () => {
    await upload(amy, [request(ID_A), request(ID_B)]);
    hub.advance(60_000);
    const retried = await upload(amy, [
      request(ID_A, { reason: 'changed on the retry' }),
      request(ID_B),
      request(ID_C),
    ]);
    expect(retried).toMatchObject({
      status: 200,
      body: { stored: [ID_A, ID_B, ID_C], conflicts: [] },
    });
    const rows = await stored();
    expect(rows.map((row) => row.id)).toEqual([ID_A, ID_B, ID_C]);
    // The first copy is kept as it was.
    expect(rows[0]).toMatchObject({
      reason: 'For my volcano project',
      received_at: '2026-03-02T09:00:00.000Z',
    });
    // A batch naming the same id twice stores it once.
    expect(await upload(amy, [request(ID_C), request(ID_C)])).toMatchObject({
      status: 200,
      body: { stored: [ID_C], conflicts: [] },
    });
    expect(await stored()).toHaveLength(3);
  });

  it('reports an id held by another device as a conflict and leaves it as it was', async () => {
    await upload(amy, [request(ID_A)]);
    const clash = await upload(hal, [request(ID_A, { reason: 'mine now' }), request(ID_B)]);
    expect(clash).toMatchObject({ status: 200, body: { stored: [ID_B], conflicts: [ID_A] } });
    const rows = await stored();
    expect(rows.map((row) => [row.id, row.class_id, row.reason])).toEqual([
      [ID_A, hub.classIds.robins, 'For my volcano project'],
      [ID_B, hub.classIds.hawks, 'For my volcano project'],
    ]);
  });

  it.each([
    [
      [request(ID_A), request(ID_B), request(ID_C, { url: 'javascript:alert(1)' })],
      'requests item 3: url: expected an http or https address',
    ],
    [[request('not-a-uuid')], 'requests item 1: id: expected a UUID'],
    [
      [request(ID_A, { reason: 'x'.repeat(501) })],
      'requests item 1: reason: is longer than 500 characters',
    ],
    [
      [request(ID_A, { url: `https://example.org/${'a'.repeat(2048)}` })],
      'requests item 1: url: is longer than 2048 characters',
    ],
    [
      [request(ID_A, { createdAt: 'yesterday' })],
      'requests item 1: createdAt: expected an ISO date and time',
    ],
    [[request(ID_A), 'text'], 'requests item 2: expected a request (id, url, reason, createdAt)'],
    [[], 'requests: send at least one request'],
  ])(
    'refuses a bad upload, naming the bad item, and stores none of it (%#)',
    async (requests, error) => {
      const answered = await upload(amy, requests);
      expect(answered.status).toBe(400);
      expect(answered.body.error).toEqual(expect.stringContaining(error));
      expect(await stored()).toEqual([]);
    },
  );

  it('refuses more than 50 requests in one upload', async () => {
    const many = Array.from({ length: 51 }, (_, index) =>
      request(`0b6f4f2e-1c1a-4b5e-9a3e-${String(index).padStart(12, '0')}`),
    );
    expect(await upload(amy, many)).toMatchObject({
      status: 400,
      body: { error: 'requests: send at most 50 requests' },
    });
  });

  it('refuses a teacher session without a device token (401)', async () => {
    const ada = await login(hub.app, 'ada');
    const answered = await call(hub.app, 'POST', '/api/device/requests', {
      session: ada,
      json: { requests: [request(ID_A)] },
    });
    expect(answered).toMatchObject({
      status: 401,
      body: { error: 'This needs the device token from enrolment (Authorization: Bearer).' },
    });
    expect(await stored()).toEqual([]);
  });
});

describe('teachers reading and answering requests', () => {
  beforeEach(async () => {
    await upload(amy, [request(ID_A), request(ID_B, { createdAt: '2026-03-02T08:59:30.000Z' })]);
    await upload(hal, [request(ID_C, { reason: 'Hawks homework' })]);
  });

  it('shows a teacher their own classes’ requests, newest first, and 404 for others', async () => {
    const ada = await login(hub.app, 'ada');
    const mine = await list(ada, hub.classIds.robins);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      requests: [
        {
          id: ID_B,
          pupil: { id: expect.any(Number), name: 'Amy Robin' },
          url: 'https://www.example.org/volcanoes?page=2',
          reason: 'For my volcano project',
          createdAt: '2026-03-02T08:59:30.000Z',
          status: 'pending',
          scope: null,
          duration: null,
          answeredBy: null,
          answeredAt: null,
          kind: 'visit',
          fileName: null,
        },
        expect.objectContaining({ id: ID_A }),
      ],
    });
    expect(await list(ada, hub.classIds.hawks)).toMatchObject({
      status: 404,
      body: { error: 'No such class.' },
    });
    expect(await answer(ada, ID_C, { decision: 'deny' })).toMatchObject({
      status: 404,
      body: { error: 'No such request.' },
    });
    expect(
      await answer(ada, '0b6f4f2e-1c1a-4b5e-9a3e-00000000ffff', { decision: 'deny' }),
    ).toMatchObject({
      status: 404,
      body: { error: 'No such request.' },
    });
    expect((await stored()).find((row) => row.id === ID_C)?.status).toBe('pending');
    expect(await list(ada, hub.classIds.robins, 'some')).toMatchObject({
      status: 400,
      body: { error: "status: expected 'pending' or 'all'" },
    });
  });

  it('shows the DSL every class’s requests, and lets them answer any', async () => {
    const dina = await login(hub.app, 'dina');
    const robins = await list(dina, hub.classIds.robins);
    const hawks = await list(dina, hub.classIds.hawks);
    expect((robins.body.requests as { id: string }[]).map((r) => r.id)).toEqual([ID_B, ID_A]);
    expect((hawks.body.requests as { id: string }[]).map((r) => r.id)).toEqual([ID_C]);
    expect(await answer(dina, ID_C, { decision: 'deny' })).toMatchObject({
      status: 200,
      body: { request: { id: ID_C, status: 'denied', answeredBy: 'Dina Safeguarding' } },
    });
  });

  it('needs a scope and a duration to allow, and records who answered and when', async () => {
    const ada = await login(hub.app, 'ada');
    expect(await answer(ada, ID_A, { decision: 'allow' })).toMatchObject({
      status: 400,
      body: {
        error:
          "scope: allowing needs a scope: 'pupil' or 'class'; duration: allowing needs a duration: 'lesson' or 'today'",
      },
    });
    expect(await answer(ada, ID_A, { decision: 'allow', scope: 'class' })).toMatchObject({
      status: 400,
      body: { error: "duration: allowing needs a duration: 'lesson' or 'today'" },
    });
    expect(await answer(ada, ID_A, { decision: 'maybe' })).toMatchObject({ status: 400 });
    expect((await stored())[0]?.status).toBe('pending');
    const lesson = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
      session: ada,
      json: { name: 'Volcanoes', mode: 'add', sites: ['bbc.co.uk'], minutes: 40 },
    });
    expect(lesson.status).toBe(201);
    hub.advance(5_000);
    const allowed = await answer(ada, ID_A, {
      decision: 'allow',
      scope: 'pupil',
      duration: 'lesson',
    });
    expect(allowed).toMatchObject({
      status: 200,
      body: {
        request: {
          id: ID_A,
          status: 'allowed',
          scope: 'pupil',
          duration: 'lesson',
          answeredBy: 'Ada Teacher',
          answeredAt: '2026-03-02T09:00:05.000Z',
        },
      },
    });
    expect((await stored())[0]).toMatchObject({
      status: 'allowed',
      answered_by: hub.userIds.ada,
      answered_at: '2026-03-02T09:00:05.000Z',
    });
    // Answered requests leave the pending list but stay in "all".
    const pending = await list(ada, hub.classIds.robins, 'pending');
    expect((pending.body.requests as { id: string }[]).map((r) => r.id)).toEqual([ID_B]);
    const all = await list(ada, hub.classIds.robins, 'all');
    expect((all.body.requests as { id: string }[]).map((r) => r.id)).toEqual([ID_B, ID_A]);
  });

  it('answers 409 to a request that has already been answered', async () => {
    const ada = await login(hub.app, 'ada');
    const dina = await login(hub.app, 'dina');
    expect((await answer(ada, ID_B, { decision: 'deny' })).status).toBe(200);
    for (const session of [ada, dina]) {
      expect(
        await answer(session, ID_B, { decision: 'allow', scope: 'class', duration: 'today' }),
      ).toMatchObject({ status: 409, body: { error: 'This request has already been answered.' } });
    }
    expect((await stored())[1]).toMatchObject({
      status: 'denied',
      scope: null,
      duration: null,
      answered_by: hub.userIds.ada,
    });
  });

  it('needs the CSRF token to answer', async () => {
    const ada = await login(hub.app, 'ada');
    const refused = await call(hub.app, 'POST', `/api/requests/${ID_A}/answer`, {
      session: ada,
      csrf: false,
      json: { decision: 'deny' },
    });
    expect(refused.status).toBe(403);
    expect((await stored())[0]?.status).toBe('pending');
  });
});

describe('download requests', () => {
  const ID_D = '0b6f4f2e-1c1a-4b5e-9a3e-00000000000d';
  const download = (id: string, overrides: Record<string, unknown> = {}) =>
    request(id, {
      url: 'https://music.example.org/files/song.mp3',
      reason: '',
      kind: 'download',
      fileName: 'song.mp3',
      ...overrides,
    });

  it('are stored with their kind and file name, and listed for the teacher as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>.mp3';
    expect(
      await upload(amy, [
        download(ID_D, { fileName: hostile }),
        request(ID_A, { fileName: 'stray.mp3' }),
      ]),
    ).toMatchObject({ status: 200, body: { stored: [ID_D, ID_A], conflicts: [] } });
    const rows = await stored();
    expect(rows.find((row) => row.id === ID_D)).toMatchObject({
      kind: 'download',
      file_name: hostile,
      url: 'https://music.example.org/files/song.mp3',
      status: 'pending',
    });
    // A visit request keeps no file name, even if a device sent one.
    expect(rows.find((row) => row.id === ID_A)).toMatchObject({ kind: 'visit', file_name: null });
    const ada = await login(hub.app, 'ada');
    const listed = await list(ada, hub.classIds.robins);
    expect(listed.body.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ID_D, kind: 'download', fileName: hostile }),
        expect.objectContaining({ id: ID_A, kind: 'visit', fileName: null }),
      ]),
    );
  });

  it('must name the file, and refuse a kind the hub does not know', async () => {
    expect(await upload(amy, [download(ID_D, { fileName: undefined })])).toMatchObject({
      status: 400,
      body: { error: 'requests item 1: fileName: a download needs its file name' },
    });
    expect(await upload(amy, [download(ID_D, { kind: 'install' })])).toMatchObject({
      status: 400,
    });
    expect(await upload(amy, [download(ID_D, { fileName: 'x'.repeat(256) })])).toMatchObject({
      status: 400,
      body: { error: 'requests item 1: fileName: is longer than 255 characters' },
    });
    expect(await stored()).toEqual([]);
  });

  it('are allowed once for the pupil: no grant, a change log row, and the answer in the snapshot', async () => {
    await upload(amy, [download(ID_D), request(ID_A)]);
    const ada = await login(hub.app, 'ada');
    // A download is never allowed as a site, and a visit is never allowed "once".
    expect(
      await answer(ada, ID_D, { decision: 'allow', scope: 'pupil', duration: 'today' }),
    ).toMatchObject({
      status: 400,
      body: {
        error: "A download is allowed once, for this pupil only: answer 'allow-once' or 'deny'.",
      },
    });
    expect(await answer(ada, ID_A, { decision: 'allow-once' })).toMatchObject({
      status: 400,
      body: { error: "Only a download can be allowed once; allow a visit with 'allow'." },
    });
    hub.advance(5_000);
    expect(await answer(ada, ID_D, { decision: 'allow-once' })).toMatchObject({
      status: 200,
      body: {
        request: { id: ID_D, status: 'allowed', scope: 'pupil', duration: null },
        grant: null,
      },
    });
    expect(await hub.db.selectFrom('grants').selectAll().execute()).toEqual([]);
    const log = await hub.db
      .selectFrom('change_log')
      .select(['action', 'summary', 'asked_by', 'approved_by'])
      .execute();
    expect(log).toEqual([
      {
        action: 'download.allowed',
        summary: 'Allowed song.mp3 from music.example.org once, for the pupil',
        asked_by: 'Amy Robin',
        approved_by: 'Ada Teacher',
      },
    ]);
    const snapshot = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: amy });
    expect(snapshot.body).toMatchObject({
      grants: [],
      answers: [{ id: ID_D, status: 'allowed', answeredAt: '2026-03-02T09:00:05.000Z' }],
    });
    expect(await answer(ada, ID_D, { decision: 'allow-once' })).toMatchObject({ status: 409 });
  });

  it('are denied with their own change log row', async () => {
    await upload(amy, [download(ID_D)]);
    const ada = await login(hub.app, 'ada');
    expect((await answer(ada, ID_D, { decision: 'deny' })).status).toBe(200);
    const log = await hub.db.selectFrom('change_log').select(['action', 'summary']).execute();
    expect(log).toEqual([
      {
        action: 'download.denied',
        summary: 'Refused the download of song.mp3 from music.example.org',
      },
    ]);
  });

  it('can never be answered with a device token', async () => {
    await upload(amy, [download(ID_D)]);
    const refused = await call(hub.app, 'POST', `/api/requests/${ID_D}/answer`, {
      bearer: amy,
      json: { decision: 'allow-once' },
    });
    expect(refused.status).toBe(401);
    expect((await stored())[0]?.status).toBe('pending');
  });
});
