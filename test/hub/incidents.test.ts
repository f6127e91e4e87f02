// The incident log: every flag as a school's reporting log has it (when, what, who, who reported
// it and how, what was done and by whom, status) as CSV a spreadsheet can't run as formulas, and
// anonymised counts for governors with no names and no addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';
import { flag, keywordAlert, uploadAlerts, uploadFlags, uuid } from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let ada: Session;
let dina: Session;
let ali: Session;
const originalZone = process.env.TZ;
beforeEach(async () => {
  // The log's dates and times are the school's; the test's school is in London (BST from 29 March).
  process.env.TZ = 'Europe/London';
  hub = await createTestHub();
  const amy = await enrol(hub.app, 'amy@test.school');
  const hal = await enrol(hub.app, 'hal@test.school');
  const stray = await enrol(hub.app, 'new@test.school');
  const sent = [
    await uploadFlags(hub.app, amy, [
      flag(1, {
        reason: 'upset',
        title: '=HYPERLINK("https://evil.example","click")',
        url: 'https://video.example.com/watch?v=abc',
        note: 'It was scary',
        source: 'shortcut',
        createdAt: '2026-03-02T08:59:00Z',
      }),
    ]),
    await uploadFlags(hub.app, hal, [
      flag(2, { source: 'block-page', createdAt: '2026-04-01T13:30:00+01:00' }),
    ]),
    await uploadFlags(hub.app, stray, [
      flag(3, { reason: 'contact', createdAt: '2026-04-02T08:00:00Z' }),
    ]),
    await uploadAlerts(hub.app, amy, [
      keywordAlert(11, { keyword: 'self harm', createdAt: '2026-03-02T10:00:00Z' }),
      keywordAlert(12, { keyword: 'self harm', createdAt: '2026-04-01T10:00:00Z' }),
      keywordAlert(13, { keyword: 'nudes', createdAt: '2026-04-01T11:00:00Z' }),
    ]),
  ];
  for (const answer of sent) expect(answer.status).toBe(200);
  ada = await login(hub.app, 'ada');
  dina = await login(hub.app, 'dina');
  ali = await login(hub.app, 'ali');
});
afterEach(() => {
  process.env.TZ = originalZone;
});

const step = async (session: Session, n: number, name: string, json: unknown) => {
  const answer = await call(hub.app, 'POST', `/api/flags/${uuid(n)}/${name}`, { session, json });
  expect(answer.status).toBe(200);
};

async function readCsv(session: Session) {
  const response = await hub.app.request('/api/incidents.csv', {
    headers: { Cookie: session.cookie },
  });
  return { response, text: await response.text() };
}

describe('the incident log as CSV', () => {
  it('has every flag, oldest first, with what was done and by whom, formulas made text', async () => {
    hub.advance(5 * 60_000);
    await step(ada, 1, 'acknowledge', { action: '-Closed the video\nspoke to Amy' });
    hub.advance(60_000);
    await step(ada, 1, 'escalate', { note: '' });
    hub.advance(60_000);
    await step(dina, 1, 'close', { action: '@Called parents' });
    const { response, text } = await readCsv(dina);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="incident-log-2026-03-02.csv"',
    );
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.records.map((record) => record.cells)).toEqual([
      ['id', 'date', 'time', 'incident', 'pupil', 'class', 'reported_by', 'actions', 'status'],
      [
        uuid(1),
        '2026-03-02',
        '08:59',
        'It upset me: =HYPERLINK("https://evil.example","click")\nhttps://video.example.com/watch?v=abc\nPupil\'s note: It was scary',
        'Amy Robin',
        'Year 2 Robins',
        'Amy Robin, with the Flag It keyboard shortcut',
        '2026-03-02 09:05 Ada Teacher acknowledged: -Closed the video\nspoke to Amy\n2026-03-02 09:06 Ada Teacher escalated to the DSL\n2026-03-02 09:07 Dina Safeguarding closed: @Called parents',
        'closed',
      ],
      [
        uuid(2),
        '2026-04-01',
        '13:30',
        'No reason given: A video\nhttps://video.example.com/watch?v=abc',
        'Hal Hawk',
        'Year 6 Hawks',
        'Hal Hawk, with the block page',
        '',
        'open',
      ],
      [
        uuid(3),
        '2026-04-02',
        '09:00',
        'Someone asked to meet me or for my details: A video\nhttps://video.example.com/watch?v=abc',
        'new@test.school',
        'On no roster',
        'new@test.school, with the Flag It button',
        '',
        'open',
      ],
    ]);
  });

  it('guards every cell a spreadsheet would run as a formula', async () => {
    await hub.db
      .updateTable('pupils')
      .set({ name: '=cmd|"/c calc"!A1' })
      .where('email', '=', 'amy@test.school')
      .execute();
    await step(ada, 1, 'acknowledge', { action: '+SUM(A1:A9)' });
    const { text } = await readCsv(dina);
    expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(text).toContain(`"'=cmd|""/c calc""!A1, with the Flag It keyboard shortcut"`);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('is the DSL’s and the admin’s', async () => {
    expect((await readCsv(ali)).response.status).toBe(200);
    const refused = await readCsv(ada);
    expect([refused.response.status, JSON.parse(refused.text)]).toEqual([
      403,
      { error: 'Only the DSL or an admin can do this.' },
    ]);
  });
});

describe('the summary for governors', () => {
  const summary = (session: Session, query = '') =>
    call(hub.app, 'GET', `/api/incidents/summary${query}`, { session });

  it('counts flags by reason, status and class, and keyword alerts by keyword', async () => {
    await step(ada, 1, 'acknowledge', { action: 'Spoke to Amy Robin' });
    const answer = await summary(dina);
    expect(answer).toMatchObject({ status: 200 });
    expect(answer.body).toEqual({
      from: null,
      to: null,
      flags: {
        total: 3,
        byReason: { upset: 1, unkind: 0, contact: 1, other: 0, none: 1 },
        byStatus: { open: 2, acknowledged: 1, escalated: 0, closed: 0 },
        byClass: [
          { class: null, count: 1 },
          { class: 'Year 2 Robins', count: 1 },
          { class: 'Year 6 Hawks', count: 1 },
        ],
      },
      keywordAlerts: {
        total: 3,
        byKeyword: [
          { keyword: 'self harm', count: 2 },
          { keyword: 'nudes', count: 1 },
        ],
      },
      // Every counted record type (test/hub/weekly-summary.test.ts reads them).
      records: expect.any(Array),
    });
  });

  it('holds no names, accounts, addresses, titles or notes', async () => {
    await step(ada, 1, 'acknowledge', { action: 'Spoke to Amy Robin' });
    const text = JSON.stringify((await summary(ali)).body);
    for (const secret of [
      'Amy',
      'Hal',
      'Ada',
      'Dina',
      'test.school',
      'http',
      'example',
      'video',
      'scary',
      'HYPERLINK',
    ]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('counts a period by when the pupil pressed, whole days where the school is', async () => {
    // 1 April in London: flag 2 at 13:30 BST and two alerts; flag 3 is 2 April.
    const april1 = await summary(dina, '?from=2026-04-01&to=2026-04-01');
    expect(april1.body).toMatchObject({
      from: '2026-03-31T23:00:00.000Z',
      to: '2026-04-01T23:00:00.000Z',
      flags: { total: 1, byClass: [{ class: 'Year 6 Hawks', count: 1 }] },
      keywordAlerts: { total: 2 },
    });
    const march = await summary(dina, '?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z');
    expect(march.body).toMatchObject({
      flags: { total: 1, byReason: { upset: 1 } },
      keywordAlerts: { total: 1, byKeyword: [{ keyword: 'self harm', count: 1 }] },
    });
    expect((await summary(dina, '?from=2026-04-02')).body).toMatchObject({
      flags: { total: 1 },
      keywordAlerts: { total: 0, byKeyword: [] },
    });
  });

  it('refuses a bad period, and a teacher', async () => {
    expect(await summary(dina, '?from=yesterday')).toMatchObject({
      status: 400,
      body: { error: 'from: expected a date (2026-03-02) or an ISO date and time' },
    });
    expect(await summary(dina, '?from=2026-04-02&to=2026-04-01')).toMatchObject({
      status: 400,
      body: { error: 'to: expected a time after from' },
    });
    expect(await summary(ada)).toMatchObject({
      status: 403,
      body: { error: 'Only the DSL or an admin can do this.' },
    });
  });
});
