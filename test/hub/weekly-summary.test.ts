// The weekly summary for the DSL and governors: Monday to Sunday where the school is, counts by
// category of every record type the registry counts (flags, keyword alerts, prompt and download
// records, ask-to-visit requests and their answers, lessons, list changes), and nothing else: no
// names, no addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  flag,
  keywordAlert,
  pupilEvent,
  uploadAlerts,
  uploadFlags,
  uploadPupilEvents,
  uuid,
} from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let dina: Session;
const originalZone = process.env.TZ;

const ask = (token: string, n: number, createdAt: string) =>
  call(hub.app, 'POST', '/api/device/requests', {
    bearer: token,
    json: {
      requests: [
        { id: uuid(n), url: `https://s${n}.example.org/`, reason: 'Amy’s words', createdAt },
      ],
    },
  });

beforeEach(async () => {
  process.env.TZ = 'Europe/London';
  hub = await createTestHub();
  dina = await login(hub.app, 'dina');
  const ada = await login(hub.app, 'ada');
  const amy = await enrol(hub.app, 'amy@test.school');
  // Monday 2 March 2026 starts at 00:00 GMT; Sunday 8 March ends at 24:00 GMT.
  for (const [n, at] of [
    [1, '2026-03-02T00:00:00Z'],
    [2, '2026-03-08T23:59:00Z'],
    [3, '2026-03-09T00:00:00Z'],
    [4, '2026-03-01T23:59:00Z'],
  ] as const) {
    expect((await ask(amy, n, at)).status).toBe(200);
  }
  const answer = (n: number, json: unknown) =>
    call(hub.app, 'POST', `/api/requests/${uuid(n)}/answer`, { session: ada, json });
  expect((await answer(1, { decision: 'allow', scope: 'pupil', duration: 'today' })).status).toBe(
    200,
  );
  expect((await answer(3, { decision: 'deny' })).status).toBe(200);
  expect(
    (
      await uploadFlags(hub.app, amy, [
        flag(11, { reason: 'unkind', createdAt: '2026-03-04T10:00:00Z' }),
        flag(12, { createdAt: '2026-03-10T10:00:00Z' }),
      ])
    ).status,
  ).toBe(200);
  expect(
    (await uploadAlerts(hub.app, amy, [keywordAlert(21, { createdAt: '2026-03-05T10:00:00Z' })]))
      .status,
  ).toBe(200);
  const prompted = await uploadPupilEvents(hub.app, amy, [
    pupilEvent(31, { outcome: 'teacher-said-ok', createdAt: '2026-03-03T10:00:00Z' }),
    pupilEvent(32, { createdAt: '2026-03-06T10:00:00Z' }),
    pupilEvent(33, {
      kind: 'download',
      detail: 'program',
      outcome: 'blocked',
      fileType: '.exe',
      createdAt: '2026-03-08T23:30:00Z',
    }),
    // The Monday after: another week's.
    pupilEvent(34, { createdAt: '2026-03-09T00:00:00Z' }),
  ]);
  expect(prompted.status).toBe(200);
  const lesson = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
    session: ada,
    json: { name: 'Volcanoes', mode: 'add', sites: ['bbc.co.uk'], minutes: 30 },
  });
  expect(lesson.status).toBe(201);
});
afterEach(() => {
  process.env.TZ = originalZone;
});

const summary = (query: string, session = dina) =>
  call(hub.app, 'GET', `/api/incidents/summary${query}`, { session });

type Records = { type: string; label: string; total: number; breakdowns: unknown[] }[];

describe('the weekly summary', () => {
  it('counts Monday to Sunday where the school is, any day of the week chosen', async () => {
    for (const day of ['2026-03-02', '2026-03-05', '2026-03-08']) {
      const answer = await summary(`?week=${day}`);
      expect(answer).toMatchObject({
        status: 200,
        body: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' },
      });
    }
    const records = (await summary('?week=2026-03-04')).body.records as Records;
    expect(records.map((record) => [record.type, record.label, record.total])).toEqual([
      ['flags', 'Flags', 1],
      ['keyword_alerts', 'Keyword alerts', 1],
      ['pupil_events', 'Prompt and download records', 3],
      ['protection_alerts', 'Protection alerts', 0],
      ['filtering_records', 'Filtering record (blocked attempts)', 0],
      ['change_requests', 'Changes to the school list asked for', 0],
      ['visit_requests', 'Requests to visit or download', 2],
      ['lessons', 'Lessons', 1],
    ]);
    expect(records.find((record) => record.type === 'visit_requests')?.breakdowns).toEqual([
      {
        column: 'status',
        label: 'By answer',
        rows: [
          { value: 'pending', label: 'Not answered', count: 1 },
          { value: 'allowed', label: 'Allowed', count: 1 },
          { value: 'denied', label: 'Denied', count: 0 },
        ],
      },
      {
        column: 'kind',
        label: 'By kind',
        rows: [
          { value: 'visit', label: 'To visit a site', count: 2 },
          { value: 'download', label: 'To download a file', count: 0 },
        ],
      },
    ]);
    expect(records.find((record) => record.type === 'flags')?.breakdowns).toContainEqual({
      column: 'class_id',
      label: 'By class',
      rows: [{ value: 'Year 2 Robins', label: 'Year 2 Robins', count: 1 }],
    });
    const asLines = (rows: { label: string; count: number }[]) =>
      rows.map((row) => `${row.label}: ${row.count}`);
    const prompts = records.find((record) => record.type === 'pupil_events')?.breakdowns as {
      label: string;
      rows: { label: string; count: number }[];
    }[];
    expect(prompts.map((breakdown) => [breakdown.label, asLines(breakdown.rows)])).toEqual([
      ['By kind', ['Zip It: 2', 'Block It: 0', 'Downloads: 1', 'Copyright: 0']],
      [
        'By outcome',
        [
          'Zip It: kept private: 1',
          'Zip It: teacher said OK: 1',
          'Block It: stayed: 0',
          'Block It: flagged: 0',
          'Downloads: blocked: 1',
          'Downloads: held for a teacher: 0',
          'Downloads: allowed: 0',
          'Downloads: approved by a teacher: 0',
          'Copyright: reminded: 0',
          'Copyright: copied the citation: 0',
        ],
      ],
    ]);
    expect(records.find((record) => record.type === 'lessons')?.breakdowns).toEqual([
      {
        column: 'mode',
        label: 'By kind',
        rows: [
          { value: 'focus', label: 'Focus (only the lesson’s sites)', count: 0 },
          { value: 'add', label: 'Sites added to the class list', count: 1 },
        ],
      },
    ]);
  });

  it('follows the clocks changing: the week of 30 March starts at midnight BST', async () => {
    expect(await summary('?week=2026-04-05')).toMatchObject({
      body: { from: '2026-03-29T23:00:00.000Z', to: '2026-04-05T23:00:00.000Z' },
    });
    expect(await summary('?week=2026-03-29')).toMatchObject({
      body: { from: '2026-03-23T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' },
    });
  });

  it('holds counts only: no names, accounts, addresses or words', async () => {
    const text = JSON.stringify((await summary('?week=2026-03-04')).body);
    for (const secret of ['Amy', 'amy@', 'Ada', 'example', 'Volcanoes', 'words']) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('refuses a week with from or to, a bad week, and a teacher', async () => {
    expect(await summary('?week=2026-03-04&from=2026-03-01')).toMatchObject({
      status: 400,
      body: { error: 'week: give a week, or from and to, not both' },
    });
    expect(await summary('?week=last')).toMatchObject({
      status: 400,
      body: { error: 'week: expected a date (2026-03-02) in the week' },
    });
    expect(await summary('?week=2026-03-04', await login(hub.app, 'ada'))).toMatchObject({
      status: 403,
    });
    expect(await summary('?week=2026-03-04', await login(hub.app, 'ali'))).toMatchObject({
      status: 200,
    });
  });
});
