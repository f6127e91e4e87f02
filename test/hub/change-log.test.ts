// The change log: lessons, answers and list changes each leave a row (who asked, who approved,
// when, why); each role reads what it may, a page at a time; the admin and the DSL export it as
// CSV that a spreadsheet can't run as formulas.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../hub/server/csv';
import { call, createTestHub, login, type Session, type TestHub } from './hub-fixture';

let hub: TestHub;
let ada: Session;
let bob: Session;
let dina: Session;
let ali: Session;
beforeEach(async () => {
  hub = await createTestHub();
  ada = await login(hub.app, 'ada');
  bob = await login(hub.app, 'bob');
  dina = await login(hub.app, 'dina');
  ali = await login(hub.app, 'ali');
});

const startLesson = async (session: Session, classId: number, name = 'Volcanoes') => {
  const started = await call(hub.app, 'POST', `/api/classes/${classId}/lessons`, {
    session,
    json: { name, mode: 'focus', sites: ['bbc.co.uk', '=www.natgeokids.com'], minutes: 40 },
  });
  expect(started.status).toBe(201);
  return started.body.lesson as { id: string };
};
const readLog = (session: Session, query = '') =>
  call(hub.app, 'GET', `/api/change-log${query}`, { session });
type Entry = { id: number; action: string; summary: string; class: { name: string } | null };
const entries = async (session: Session, query = '') =>
  (await readLog(session, query)).body.entries as Entry[];

describe('lessons in the change log', () => {
  it('records a lesson started, one ended early, and one replaced', async () => {
    const first = await startLesson(ada, hub.classIds.robins);
    hub.advance(60_000);
    await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons/${first.id}/end`, {
      session: ada,
    });
    // Ending it again changes nothing, and is not logged again.
    await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons/${first.id}/end`, {
      session: ada,
    });
    await startLesson(ada, hub.classIds.robins, 'Rivers');
    await startLesson(ada, hub.classIds.robins, 'Mountains');
    const log = await readLog(ada);
    expect(log.status).toBe(200);
    expect(log.body).toEqual({
      entries: [
        expect.objectContaining({ action: 'lesson.started', reason: 'Mountains' }),
        {
          id: expect.any(Number),
          at: '2026-03-02T09:01:00.000Z',
          action: 'lesson.ended',
          summary: "Ended the lesson 'Rivers' early by starting 'Mountains'",
          class: { id: hub.classIds.robins, name: 'Year 2 Robins' },
          askedBy: 'Ada Teacher',
          approvedBy: 'Ada Teacher',
          reason: '',
        },
        expect.objectContaining({ action: 'lesson.started', reason: 'Rivers' }),
        expect.objectContaining({
          action: 'lesson.ended',
          summary: "Ended the lesson 'Volcanoes' early",
        }),
        {
          id: expect.any(Number),
          at: '2026-03-02T09:00:00.000Z',
          action: 'lesson.started',
          summary: "Started the lesson 'Volcanoes' (focus, 40 min): bbc.co.uk =www.natgeokids.com",
          class: { id: hub.classIds.robins, name: 'Year 2 Robins' },
          askedBy: 'Ada Teacher',
          approvedBy: 'Ada Teacher',
          reason: 'Volcanoes',
        },
      ],
      nextBefore: null,
    });
  });

  it('does not log a lesson the teacher may not start', async () => {
    const refused = await call(hub.app, 'POST', `/api/classes/${hub.classIds.hawks}/lessons`, {
      session: ada,
      json: { name: 'X', mode: 'add', sites: ['bbc.co.uk'], minutes: 40 },
    });
    expect(refused.status).toBe(404);
    expect(await entries(ali)).toEqual([]);
  });
});

describe('who reads which rows', () => {
  beforeEach(async () => {
    await startLesson(ada, hub.classIds.robins, 'Robins lesson');
    await startLesson(bob, hub.classIds.hawks, 'Hawks lesson');
    await call(hub.app, 'POST', '/api/school-sites', {
      session: ali,
      json: { site: 'bbc.co.uk', keyStage: 'ks2', reason: 'News' },
    });
  });

  it('shows a teacher their own classes’ rows and the school-wide ones', async () => {
    const summaries = async (session: Session) =>
      (await entries(session)).map((entry) => `${entry.action} ${entry.class?.name ?? '-'}`);
    expect(await summaries(ada)).toEqual(['site.added -', 'lesson.started Year 2 Robins']);
    expect(await summaries(bob)).toEqual(['site.added -', 'lesson.started Year 6 Hawks']);
    for (const session of [dina, ali]) {
      expect(await summaries(session)).toEqual([
        'site.added -',
        'lesson.started Year 6 Hawks',
        'lesson.started Year 2 Robins',
      ]);
    }
  });

  it('pages newest first with before and limit', async () => {
    const all = await entries(ali);
    const first = await readLog(ali, '?limit=2');
    expect(first.body).toEqual({ entries: all.slice(0, 2), nextBefore: all[1]?.id });
    const second = await readLog(ali, `?limit=2&before=${String(all[1]?.id)}`);
    expect(second.body).toEqual({ entries: all.slice(2), nextBefore: null });
    // A page that happens to end on the last row says so with an empty next page.
    const exact = await readLog(ali, '?limit=3');
    expect(exact.body).toEqual({ entries: all, nextBefore: all[2]?.id });
    expect(await readLog(ali, `?before=${String(all[2]?.id)}`)).toMatchObject({
      body: { entries: [], nextBefore: null },
    });
  });

  it.each([
    ['?limit=0', 'limit: expected at least 1'],
    ['?limit=201', 'limit: expected at most 200'],
    ['?limit=ten', 'limit: expected a number'],
    ['?before=-1', 'before: expected the id of an entry'],
    ['?before=1.5', 'before: expected the id of an entry'],
  ])('refuses a bad page %s with 400', async (query, error) => {
    expect(await readLog(ada, query)).toMatchObject({ status: 400, body: { error } });
  });
});

describe('the CSV export', () => {
  const rawCsv = async (session: Session) => {
    const response = await hub.app.request('/api/change-log.csv', {
      headers: { Cookie: session.cookie },
    });
    // Response.text() would drop the BOM, which is part of what is checked.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { response, text };
  };

  it('is only for the admin and the DSL', async () => {
    for (const session of [ada, bob]) {
      const { response, text } = await rawCsv(session);
      expect(response.status).toBe(403);
      expect(JSON.parse(text)).toEqual({ error: 'Only an admin or the DSL can do this.' });
    }
  });

  it('is an attachment with every row, and cells that would be formulas are quoted as text', async () => {
    await call(hub.app, 'POST', '/api/school-sites', {
      session: ali,
      json: { site: 'bbc.co.uk', keyStage: 'ks1', reason: '=HYPERLINK("http://evil.example","x")' },
    });
    await call(hub.app, 'POST', '/api/school-sites', {
      session: ali,
      json: { site: 'www.kiddle.co', keyStage: 'ks1', reason: '+1, -2 and @sum' },
    });
    await startLesson(ada, hub.classIds.robins, '-Fractions, "wholes"');
    for (const session of [dina, ali]) {
      const { response, text } = await rawCsv(session);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('Content-Disposition')).toBe(
        'attachment; filename="change-log-2026-03-02.csv"',
      );
      expect(response.headers.get('Cache-Control')).toBe('no-store');
      expect(
        text.startsWith('\uFEFFid,at,action,class,asked_by,approved_by,reason,summary\r\n'),
      ).toBe(true);
      const parsed = parseCsv(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      const cells = parsed.records.map((record) => record.cells.slice(1));
      expect(cells).toEqual([
        ['at', 'action', 'class', 'asked_by', 'approved_by', 'reason', 'summary'],
        [
          '2026-03-02T09:00:00.000Z',
          'lesson.started',
          'Year 2 Robins',
          'Ada Teacher',
          'Ada Teacher',
          `'-Fractions, "wholes"`,
          `Started the lesson '-Fractions, "wholes"' (focus, 40 min): bbc.co.uk =www.natgeokids.com`,
        ],
        [
          '2026-03-02T09:00:00.000Z',
          'site.added',
          '',
          'Ali Admin',
          'Ali Admin',
          "'+1, -2 and @sum",
          "Added www.kiddle.co to the school's KS1 list",
        ],
        [
          '2026-03-02T09:00:00.000Z',
          'site.added',
          '',
          'Ali Admin',
          'Ali Admin',
          `'=HYPERLINK("http://evil.example","x")`,
          "Added bbc.co.uk to the school's KS1 list",
        ],
      ]);
    }
  });
});
