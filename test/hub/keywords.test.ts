// The school's keyword list (the DSL's and the admin's to edit, normalised, logged, in every
// snapshot) and the keyword alerts devices raise with it (stored once, read by the DSL and admin).
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_KEYWORDS, uploadResponseSchema } from '../../shared/flag';
import { keywordAlert, uploadAlerts, uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let ada: Session;
let dina: Session;
let ali: Session;
beforeEach(async () => {
  hub = await createTestHub();
  ada = await login(hub.app, 'ada');
  dina = await login(hub.app, 'dina');
  ali = await login(hub.app, 'ali');
});

const put = (session: Session, json: unknown) =>
  call(hub.app, 'PUT', '/api/keywords', { session, json });
const changeLog = () =>
  hub.db.selectFrom('change_log').select(['action', 'summary', 'asked_by', 'reason']).execute();

describe('the keyword list', () => {
  it('is empty until someone writes one', async () => {
    expect(await call(hub.app, 'GET', '/api/keywords', { session: dina })).toMatchObject({
      status: 200,
      body: { keywords: [], updatedBy: null, updatedAt: null },
    });
  });

  it('is stored lower-case, de-duplicated and sorted, with who and when', async () => {
    hub.advance(5_000);
    const saved = await put(dina, {
      keywords: ['  Self  Harm ', 'suicide', 'SUICIDE', 'self harm', 'Grooming'],
      reason: 'Reviewed with the head',
    });
    const expected = {
      keywords: ['grooming', 'self harm', 'suicide'],
      updatedBy: 'Dina Safeguarding',
      updatedAt: '2026-03-02T09:00:05.000Z',
    };
    expect(saved).toMatchObject({ status: 200, body: expected });
    expect((await call(hub.app, 'GET', '/api/keywords', { session: ali })).body).toEqual(expected);
    expect(await changeLog()).toEqual([
      {
        action: 'keywords.changed',
        summary:
          "Changed the keyword list (now 3 keywords): added 'grooming', 'self harm', 'suicide'",
        asked_by: 'Dina Safeguarding',
        reason: 'Reviewed with the head',
      },
    ]);
  });

  it('logs what was added and removed, and nothing when the list is the same', async () => {
    await put(dina, { keywords: ['suicide', 'self harm'] });
    await put(ali, { keywords: ['Suicide', 'nudes', 'grooming'] });
    await put(ali, { keywords: ['grooming', 'nudes', 'suicide'] });
    expect(await changeLog()).toEqual([
      expect.objectContaining({ summary: expect.stringContaining('added') }),
      {
        action: 'keywords.changed',
        summary:
          "Changed the keyword list (now 3 keywords): added 'grooming', 'nudes'; removed 'self harm'",
        asked_by: 'Ali Admin',
        reason: '',
      },
    ]);
    await put(ali, { keywords: [] });
    expect((await changeLog()).at(-1)?.summary).toBe(
      "Changed the keyword list (now 0 keywords): removed 'grooming', 'nudes', 'suicide'",
    );
  });

  it('names at most 20 added keywords in the log, and counts the rest', async () => {
    const many = Array.from({ length: 25 }, (_, n) => `word ${String(n).padStart(2, '0')}`);
    await put(dina, { keywords: many });
    expect((await changeLog())[0]?.summary).toMatch(/'word 19' and 5 more$/);
  });

  it.each([
    [{ keywords: 'suicide' }, 'keywords: expected a list of keywords'],
    [{ keywords: ['ok', 'x'] }, 'keywords.1: is shorter than 2 characters'],
    [{ keywords: ['ok', ' x  '] }, 'keywords.1: is shorter than 2 characters'],
    [{ keywords: ['y'.repeat(101)] }, 'keywords.0: is longer than 100 characters'],
    [{ keywords: ['tab\there'] }, 'keywords.0: has a control character in it'],
    [{ keywords: [7] }, 'keywords.0: expected text'],
    [
      { keywords: Array.from({ length: MAX_KEYWORDS + 1 }, (_, n) => `kw${n}`) },
      `keywords: expected at most ${MAX_KEYWORDS} keywords`,
    ],
  ])('refuses a bad list, naming what is wrong (%#)', async (json, error) => {
    expect(await put(dina, json)).toMatchObject({ status: 400, body: { error } });
    expect(await changeLog()).toEqual([]);
  });

  it('takes the longest list the contract allows', async () => {
    const longest = Array.from({ length: MAX_KEYWORDS }, (_, n) => `${n}`.padEnd(100, 'é'));
    const saved = await put(dina, { keywords: longest });
    expect(saved.status).toBe(200);
    expect(saved.body.keywords).toHaveLength(MAX_KEYWORDS);
  });

  it('is the DSL’s and the admin’s: a teacher may neither read nor change it', async () => {
    expect(await call(hub.app, 'GET', '/api/keywords', { session: ada })).toMatchObject({
      status: 403,
      body: { error: 'Only the DSL or an admin can do this.' },
    });
    expect(await put(ada, { keywords: ['suicide'] })).toMatchObject({ status: 403 });
    expect(await changeLog()).toEqual([]);
  });

  it('reaches every device in its snapshot, on a roster or not', async () => {
    await put(dina, { keywords: ['Suicide', 'self harm'] });
    for (const email of ['amy@test.school', 'hal@test.school', 'new@test.school']) {
      const token = await enrol(hub.app, email);
      const snapshot = await call(hub.app, 'GET', '/api/device/snapshot', { bearer: token });
      expect([email, snapshot.body.keywords]).toEqual([email, ['self harm', 'suicide']]);
    }
  });
});

describe('keyword alerts', () => {
  let amy: string;
  let hal: string;
  let stray: string;
  beforeEach(async () => {
    amy = await enrol(hub.app, 'amy@test.school', 'chromebook-amy');
    hal = await enrol(hub.app, 'hal@test.school', 'chromebook-hal');
    stray = await enrol(hub.app, 'new@test.school', 'chromebook-new');
  });
  const stored = () => hub.db.selectFrom('keyword_alerts').selectAll().orderBy('seq').execute();
  const read = (session: Session, query = '') =>
    call(hub.app, 'GET', `/api/keyword-alerts${query}`, { session });

  it('are stored durably before the answer, once however often they are sent', async () => {
    const sent = await uploadAlerts(hub.app, amy, [keywordAlert(1), keywordAlert(2)]);
    expect(sent).toMatchObject({
      status: 200,
      body: { stored: [uuid(1), uuid(2)], conflicts: [] },
    });
    expect(uploadResponseSchema.strict().parse(sent.body)).toEqual(sent.body);
    expect(await stored()).toEqual([
      {
        seq: 1,
        id: uuid(1),
        school_id: expect.any(Number),
        device_id: expect.any(Number),
        pupil_id: expect.any(Number),
        class_id: hub.classIds.robins,
        keyword: 'self harm',
        found_in: 'search',
        url: 'https://www.google.com/search?q=self+harm',
        created_at: '2026-03-02T08:58:00.000Z',
        received_at: '2026-03-02T09:00:00.000Z',
      },
      expect.objectContaining({ id: uuid(2) }),
    ]);
    hub.advance(1_000);
    const again = await uploadAlerts(hub.app, amy, [
      keywordAlert(1, { keyword: 'changed' }),
      keywordAlert(2),
      keywordAlert(2),
    ]);
    expect(again.body).toEqual({ stored: [uuid(1), uuid(2)], conflicts: [] });
    expect((await stored()).map((row) => [row.id, row.keyword, row.received_at])).toEqual([
      [uuid(1), 'self harm', '2026-03-02T09:00:00.000Z'],
      [uuid(2), 'self harm', '2026-03-02T09:00:00.000Z'],
    ]);
  });

  it('reports an id another device holds as a conflict', async () => {
    await uploadAlerts(hub.app, amy, [keywordAlert(1)]);
    const clash = await uploadAlerts(hub.app, hal, [keywordAlert(1), keywordAlert(2)]);
    expect(clash.body).toEqual({ stored: [uuid(2)], conflicts: [uuid(1)] });
    expect((await stored()).map((row) => row.class_id)).toEqual([
      hub.classIds.robins,
      hub.classIds.hawks,
    ]);
  });

  it.each([
    [
      [keywordAlert(1), keywordAlert(2, { where: 'page' })],
      "alerts item 2: where: expected 'search' or 'title'",
    ],
    [[keywordAlert(1, { keyword: '' })], 'alerts item 1: keyword:'],
    [
      [keywordAlert(1, { url: 'x'.repeat(2049) })],
      'alerts item 1: url: is longer than 2048 characters',
    ],
    [['alert'], 'alerts item 1: expected a keyword alert'],
    [[], 'alerts: send at least one keyword alert'],
    [
      Array.from({ length: 51 }, (_, n) => keywordAlert(n)),
      'alerts: send at most 50 keyword alerts',
    ],
  ])('refuses a bad upload, naming the bad item (%#)', async (alerts, error) => {
    const answered = await uploadAlerts(hub.app, amy, alerts);
    expect(answered.status).toBe(400);
    expect(answered.body.error).toEqual(expect.stringContaining(error));
    expect(await stored()).toEqual([]);
  });

  it('takes 50 alerts with the longest addresses', async () => {
    const alerts = Array.from({ length: 50 }, (_, n) =>
      keywordAlert(n + 1, { url: `https://example.org/${'é'.repeat(2028)}` }),
    );
    expect((await uploadAlerts(hub.app, amy, alerts)).status).toBe(200);
    expect(await stored()).toHaveLength(50);
  });

  it('are read by the DSL and the admin, every pupil included, newest first, a page at a time', async () => {
    await uploadAlerts(hub.app, amy, [keywordAlert(1)]);
    await uploadAlerts(hub.app, hal, [keywordAlert(2, { keyword: 'nudes', where: 'title' })]);
    await uploadAlerts(hub.app, stray, [keywordAlert(3)]);
    const all = await read(dina);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      alerts: [
        expect.objectContaining({
          id: uuid(3),
          pupil: null,
          class: null,
          account: 'new@test.school',
        }),
        {
          id: uuid(2),
          pupil: { id: expect.any(Number), name: 'Hal Hawk' },
          class: { id: hub.classIds.hawks, name: 'Year 6 Hawks' },
          account: 'hal@test.school',
          keyword: 'nudes',
          where: 'title',
          url: 'https://www.google.com/search?q=self+harm',
          createdAt: '2026-03-02T08:58:00.000Z',
          receivedAt: '2026-03-02T09:00:00.000Z',
        },
        expect.objectContaining({ id: uuid(1) }),
      ],
      nextBefore: null,
    });
    const page = await read(ali, '?limit=2');
    expect((page.body.alerts as { id: string }[]).map((alert) => alert.id)).toEqual([
      uuid(3),
      uuid(2),
    ]);
    const rest = await read(ali, `?limit=2&before=${String(page.body.nextBefore)}`);
    expect(rest.body).toEqual({
      alerts: [expect.objectContaining({ id: uuid(1) })],
      nextBefore: null,
    });
    expect(await read(ada)).toMatchObject({
      status: 403,
      body: { error: 'Only the DSL or an admin can do this.' },
    });
  });
});
