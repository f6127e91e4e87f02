// Retention: the sweep removes what is past its period and nothing younger, never a flag under an
// open safeguarding case (nor its screenshot), works in batches and records what it did; the
// admin reads and changes the periods within their bounds, each change in the change log; and
// the schedule sweeps at start and every hour.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sweepSchool } from '../../hub/server/retention/retention-sweep';
import { scheduleRetentionSweeps } from '../../hub/server/retention/sweep-schedule';
import {
  flag,
  keywordAlert,
  pupilEvent,
  SCREENSHOT,
  uploadAlerts,
  uploadFlags,
  uploadPupilEvents,
  uuid,
} from './flag-fixture';
import { call, createTestHub, enrol, login, type Session, type TestHub } from './hub-fixture';
import { askToVisit, withPupilRecords, type PupilRecords } from './pupil-records';

const DAY = 86_400_000;

const schoolIdOf = async (hub: TestHub) =>
  (await hub.db.selectFrom('schools').select('id').executeTakeFirstOrThrow()).id;
const sweep = async (hub: TestHub, batchSize?: number) =>
  sweepSchool(hub.db, await schoolIdOf(hub), { now: hub.services.now, batchSize });
const ids = async (table: 'flags' | 'keyword_alerts' | 'visit_requests' | 'pupil_events') =>
  (await hub().db.selectFrom(table).select('id').orderBy('id').execute()).map((row) => row.id);

let records: PupilRecords;
const hub = () => records.hub;

describe('the retention sweep', () => {
  beforeEach(async () => {
    records = await withPupilRecords();
  });

  it('removes what is past its period, keeps what is younger, and never an open case', async () => {
    // Flags kept 90 days here, so a year on they are all past it.
    hub().advance(DAY);
    const ali = await login(hub().app, 'ali');
    expect(
      await call(hub().app, 'PUT', '/api/retention', {
        session: ali,
        json: { days: { flags: 90 }, reason: 'Our policy: the DSL copies flags to CPOMS' },
      }),
    ).toMatchObject({ status: 200, body: { changed: 1 } });
    hub().advance(365 * DAY);
    await uploadAlerts(hub().app, records.tokens.amy, [keywordAlert(21)]);
    await askToVisit(hub(), records.tokens.amy, 22, 'A fresh request');
    await uploadPupilEvents(hub().app, records.tokens.amy, [
      pupilEvent(23, { createdAt: hub().services.now().toISOString() }),
    ]);

    const result = await sweep(hub());
    expect(result.removed).toEqual({
      flag_events: 2,
      flags: 1,
      keyword_alerts: 2,
      // Amy's two, Hal's and the stray account's prompt records: a year old, past their year.
      pupil_events: 4,
      grants: 1,
      visit_requests: 3,
      lessons: 1,
      // The admin's login of the second day (the first day's went when it logged in).
      sessions: 1,
    });
    // Flag 2 was closed; 1, 3 and 4 are open cases, however old.
    expect(await ids('flags')).toEqual([uuid(1), uuid(3), uuid(4)]);
    expect(await ids('keyword_alerts')).toEqual([uuid(21)]);
    expect(await ids('visit_requests')).toEqual([uuid(22)]);
    expect(await ids('pupil_events')).toEqual([uuid(23)]);
    // The change log is kept two years.
    expect(
      await hub().db.selectFrom('change_log').select('action').orderBy('id').execute(),
    ).toEqual([
      { action: 'lesson.started' },
      { action: 'visit.allowed' },
      { action: 'visit.denied' },
      { action: 'retention.changed' },
    ]);
    // The open flag's screenshot stays with its case.
    expect(
      await hub()
        .db.selectFrom('flags')
        .select('screenshot')
        .where('id', '=', uuid(1))
        .executeTakeFirstOrThrow(),
    ).toEqual({ screenshot: SCREENSHOT });

    const swept = await hub().db.selectFrom('retention_sweeps').selectAll().execute();
    expect(swept).toEqual([
      {
        id: 1,
        school_id: await schoolIdOf(hub()),
        started_at: '2027-03-03T09:00:00.000Z',
        finished_at: '2027-03-03T09:00:00.000Z',
        removed: JSON.stringify(result.removed),
        batches: result.batches,
      },
    ]);
    // A second sweep finds nothing more, and says so.
    const second = await sweep(hub());
    expect([second.removed, second.batches]).toEqual([{}, 0]);
  });

  it('empties a closed flag’s screenshot after 30 days, and keeps an open one’s', async () => {
    await uploadFlags(hub().app, records.tokens.hal, [
      flag(5, { screenshot: SCREENSHOT, createdAt: hub().services.now().toISOString() }),
    ]);
    const closed = await call(hub().app, 'POST', `/api/flags/${uuid(5)}/close`, {
      session: records.dina,
      json: { action: 'Looked at it' },
    });
    expect(closed.status).toBe(200);
    // Removed once more than 30 days old: not at 30 days to the millisecond.
    hub().advance(30 * DAY);
    expect((await sweep(hub())).removed).toEqual({ sessions: 3 });
    hub().advance(1);
    expect((await sweep(hub())).removed).toEqual({ screenshots: 1 });
    const shots = await hub()
      .db.selectFrom('flags')
      .select(['id', 'screenshot'])
      .where('id', 'in', [uuid(1), uuid(5)])
      .orderBy('id')
      .execute();
    expect(shots).toEqual([
      { id: uuid(1), screenshot: SCREENSHOT },
      { id: uuid(5), screenshot: null },
    ]);
  });
});

describe('rows that name a swept row', () => {
  it('lose the link when a lesson goes before the grant tied to it', async () => {
    records = await withPupilRecords();
    expect(
      await call(hub().app, 'PUT', '/api/retention', {
        session: records.ali,
        json: { days: { lessons: 30 }, reason: 'Lessons need not be kept long' },
      }),
    ).toMatchObject({ status: 200 });
    hub().advance(31 * DAY);
    expect((await sweep(hub())).removed).toEqual({ lessons: 1, sessions: 3 });
    expect(
      await hub().db.selectFrom('grants').select(['request_id', 'lesson_id']).execute(),
    ).toEqual([{ request_id: uuid(1), lesson_id: null }]);
  });
});

describe('sweeping in batches', () => {
  it('removes rows a batch at a time until none is left, and records the batches', async () => {
    const fresh = await createTestHub();
    const amy = await enrol(fresh.app, 'amy@test.school');
    const sent = await uploadAlerts(
      fresh.app,
      amy,
      [1, 2, 3, 4, 5].map((n) => keywordAlert(n)),
    );
    expect(sent.status).toBe(200);
    fresh.advance(365 * DAY);
    expect(await sweep(fresh, 2)).toMatchObject({ removed: {}, batches: 0 });
    fresh.advance(1);
    expect(await sweep(fresh, 2)).toEqual({
      schoolId: await schoolIdOf(fresh),
      removed: { keyword_alerts: 5 },
      batches: 3,
    });
    expect(await fresh.db.selectFrom('keyword_alerts').selectAll().execute()).toEqual([]);
    expect(
      await fresh.db.selectFrom('retention_sweeps').select(['removed', 'batches']).execute(),
    ).toEqual([
      { removed: '{}', batches: 0 },
      { removed: '{"keyword_alerts":5}', batches: 3 },
    ]);
  });
});

describe('the retention periods', () => {
  let testHub: TestHub;
  let ali: Session;
  beforeEach(async () => {
    testHub = await createTestHub();
    ali = await login(testHub.app, 'ali');
  });
  const put = (json: unknown, session = ali, csrf?: false) =>
    call(testHub.app, 'PUT', '/api/retention', {
      session,
      json,
      ...(csrf === false ? { csrf } : {}),
    });

  it('lists every record type with its period or what it is kept while, and why', async () => {
    const answer = await call(testHub.app, 'GET', '/api/retention', { session: ali });
    expect(answer.status).toBe(200);
    const types = answer.body.types as Record<string, unknown>[];
    expect(types.find((type) => type.name === 'keyword_alerts')).toEqual({
      name: 'keyword_alerts',
      label: 'Keyword alerts',
      kind: 'age',
      days: 365,
      defaultDays: 365,
      minDays: 30,
      maxDays: 2190,
      why: expect.stringContaining('school year'),
      keptWhile: null,
    });
    expect(types.find((type) => type.name === 'flags')).toMatchObject({
      days: 2190,
      keptWhile: 'An open safeguarding case: it stays until the DSL closes it.',
    });
    expect(types.find((type) => type.name === 'pupils')).toMatchObject({
      kind: 'while',
      days: null,
      why: expect.stringContaining('roster'),
    });
    expect(answer.body.sweeps).toEqual([]);
  });

  it('changes a period, logs the change with its reason, and the sweep follows it', async () => {
    const changed = await put({ days: { keyword_alerts: 30, flags: 2190 }, reason: 'Policy' });
    expect(changed).toMatchObject({ status: 200, body: { changed: 1 } });
    const types = changed.body.types as { name: string; days: number | null }[];
    expect(types.find((type) => type.name === 'keyword_alerts')?.days).toBe(30);
    // The same value again changes nothing, and logs nothing.
    expect(await put({ days: { keyword_alerts: 30 }, reason: 'Again' })).toMatchObject({
      body: { changed: 0 },
    });
    expect(
      await testHub.db
        .selectFrom('change_log')
        .select(['action', 'summary', 'asked_by', 'approved_by', 'reason', 'class_id'])
        .execute(),
    ).toEqual([
      {
        action: 'retention.changed',
        summary: 'Keyword alerts: kept 365 days, now 30 days',
        asked_by: 'Ali Admin',
        approved_by: 'Ali Admin',
        reason: 'Policy',
        class_id: null,
      },
    ]);
    const amy = await enrol(testHub.app, 'amy@test.school');
    await uploadAlerts(testHub.app, amy, [keywordAlert(1)]);
    testHub.advance(31 * DAY);
    expect((await sweep(testHub)).removed).toMatchObject({ keyword_alerts: 1 });
  });

  it('refuses a period out of bounds, not whole, for no such type, or one with none', async () => {
    expect(
      await put({
        days: {
          keyword_alerts: 10,
          flags: 100.5,
          screenshots: '30',
          nope: 5,
          pupils: 5,
        },
        reason: 'Try',
      }),
    ).toMatchObject({
      status: 400,
      body: {
        error:
          'days.keyword_alerts: expected a whole number of days from 30 to 2190; ' +
          'days.flags: expected a whole number of days from 90 to 9125; ' +
          'days.screenshots: expected a whole number of days from 1 to 365; ' +
          'days.nope: there is no such record type; ' +
          'days.pupils: has no period of its own (Kept while the pupil is on a roster (an import never removes anyone); when they leave, the admin erases them.)',
      },
    });
    expect(await put({ days: {}, reason: 'Try' })).toMatchObject({
      status: 400,
      body: { error: 'days: name at least one record type' },
    });
    expect(await put({ days: { sessions: 0 } })).toMatchObject({
      status: 400,
      body: { error: 'reason: give the reason for the change' },
    });
    expect(await put({ days: [], reason: 'Try' })).toMatchObject({ status: 400 });
    expect(await testHub.db.selectFrom('retention_settings').selectAll().execute()).toEqual([]);
  });

  it('is the admin’s alone, and a change needs the CSRF token', async () => {
    for (const name of ['ada', 'dina'] as const) {
      const session = await login(testHub.app, name);
      expect(await call(testHub.app, 'GET', '/api/retention', { session })).toMatchObject({
        status: 403,
        body: { error: 'Only an admin can do this.' },
      });
      expect(await put({ days: { sessions: 1 }, reason: 'x' }, session)).toMatchObject({
        status: 403,
      });
    }
    expect(await put({ days: { sessions: 1 }, reason: 'x' }, ali, false)).toMatchObject({
      status: 403,
    });
    expect(await testHub.db.selectFrom('retention_settings').selectAll().execute()).toEqual([]);
  });
});

describe('the sweep schedule', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sweeps at start and every hour, and logs a sweep that fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const testHub = await createTestHub();
    const sweeps: number[] = [];
    const failures: string[] = [];
    const schedule = scheduleRetentionSweeps({
      db: testHub.db,
      now: testHub.services.now,
      log: (message) => failures.push(message),
      onSweep: (results) => sweeps.push(results.length),
    });
    await schedule.firstSweep;
    expect(sweeps).toEqual([1]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await vi.waitFor(() => expect(sweeps).toEqual([1, 1]));
    expect(await testHub.db.selectFrom('retention_sweeps').selectAll().execute()).toHaveLength(2);

    await testHub.db.destroy();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await vi.waitFor(() =>
      expect(failures).toEqual(['The retention sweep failed; it runs again within the hour']),
    );
    schedule.stop();
    await vi.advanceTimersByTimeAsync(3 * 60 * 60_000);
    expect(sweeps).toEqual([1, 1]);
    expect(failures).toHaveLength(1);
  });
});
