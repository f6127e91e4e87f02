// Protection on real sockets: a device's health report is checked, kept and listed; a pupil in a
// running lesson shows "on", "off" or "unknown"; an alert opens for the DSL when a device goes
// silent past the silence period or reports itself unsafe, and closes when it is back or the
// lesson ends; the weekly summary counts alerts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceHealth } from '../../shared/device-health';
import { call, enrol, login, type Session } from './hub-fixture';
import {
  connectDevice,
  eventually,
  openTeacherSocket,
  startLiveHub,
  type LiveHub,
  type TestSocket,
} from './live-server';

/** Short enough for a test; the clock of the live view is the test's, the timers are real. */
const SILENCE_MS = 150;
const lessonBody = { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 };

const health = (overrides: Partial<DeviceHealth> = {}): DeviceHealth => ({
  deviceId: 'device-0001',
  policyHash: 'abc123',
  appliedAt: '2026-03-02T08:59:00.000Z',
  keyStage: 'ks1',
  keyStageSource: 'hub',
  lists: { keyStage: 5, starter: true, alwaysBlocked: 0, imageSources: 2, lesson: 0 },
  ruleCount: 9,
  expectedRuleCount: 9,
  incognitoAllowed: false,
  signedIn: true,
  lastHubContact: '2026-03-02T08:59:30.000Z',
  lastError: null,
  unsafe: [],
  ...overrides,
});

let hub: LiveHub;
let ada: Session;
let dina: Session;
const sockets: TestSocket[] = [];
const track = (socket: TestSocket) => (sockets.push(socket), socket);

beforeEach(async () => {
  hub = await startLiveHub({ protectionSilenceMs: SILENCE_MS });
  ada = await login(hub.app, 'ada');
  dina = await login(hub.app, 'dina');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  hub.services.protection.stop();
  await hub.close();
});

const startLesson = async () => {
  const answer = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
    session: ada,
    json: lessonBody,
  });
  expect(answer.status).toBe(201);
  return answer.body.lesson as { id: string };
};
const amyProtection = async () => {
  const answer = await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/live`, {
    session: ada,
  });
  return (answer.body.pupils as { protection: unknown }[])[0]?.protection;
};
type Alert = { kind: string; endedAt: string | null; pupil: { name: string } | null };
const alerts = async (status: 'open' | 'all' = 'all') =>
  (await call(hub.app, 'GET', `/api/protection-alerts?status=${status}`, { session: dina })).body
    .alerts as Alert[];
const deviceHealth = async () => {
  const answer = await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/device-health`, {
    session: ada,
  });
  return { status: answer.status, devices: answer.body.devices as Record<string, unknown>[] };
};

async function amyDevice(deviceId = 'device-0001') {
  return track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school', deviceId)));
}

describe('health reports', () => {
  it('are kept per device and listed for the class, the latest only', async () => {
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health() });
    amy.send({ type: 'health', health: health({ policyHash: 'def456', ruleCount: 11 }) });
    const listed = await eventually(deviceHealth, (answer) =>
      answer.devices.some((device) => device.policyHash === 'def456'),
    );
    expect(listed.status).toBe(200);
    expect(listed.devices).toEqual([
      expect.objectContaining({
        pupilName: 'Amy Robin',
        deviceId: 'device-0001',
        policyHash: 'def456',
        ruleCount: 11,
        signedIn: true,
        incognitoAllowed: false,
        unsafe: [],
        lists: health().lists,
      }),
    ]);
  });

  it('are ignored and counted when out of shape or naming another device', async () => {
    const amy = await amyDevice();
    const before = hub.services.socketStats.ignoredMessages;
    amy.send({ type: 'health', health: { ...health(), ruleCount: -3 } });
    amy.send({ type: 'health', health: health({ deviceId: 'someone-elses-device' }) });
    await eventually(
      async () => hub.services.socketStats.ignoredMessages,
      (count) => count === before + 2,
    );
    expect(hub.services.socketStats.ignoredMessages).toBe(before + 2);
    expect((await deviceHealth()).devices).toEqual([]);
    // The socket stays open: a bad report is never fatal.
    expect(amy.closed).toBeUndefined();
  });

  it('are only for staff who see the class', async () => {
    const bob = await login(hub.app, 'bob');
    const answer = await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/device-health`, {
      session: bob,
    });
    expect(answer).toMatchObject({ status: 404, body: { error: 'No such class.' } });
    const alertsForTeacher = await call(hub.app, 'GET', '/api/protection-alerts', { session: ada });
    expect(alertsForTeacher.status).toBe(403);
  });
});

describe('protection in a lesson', () => {
  it('is null outside a lesson, unknown for a pupil not heard in it, and on once reported', async () => {
    expect(await amyProtection()).toBeNull();
    await startLesson();
    expect(await amyProtection()).toEqual({ state: 'unknown', reason: 'not-heard' });
    const amy = await amyDevice();
    expect(await amyProtection()).toEqual({ state: 'unknown', reason: 'no-report' });
    amy.send({ type: 'health', health: health() });
    expect(await eventually(amyProtection, (p) => (p as { state: string }).state === 'on')).toEqual(
      { state: 'on', reason: null },
    );
    expect(await alerts()).toEqual([]);
  });

  it('goes off when the device goes silent past the silence period; the DSL hears at once', async () => {
    await startLesson();
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health() });
    await eventually(amyProtection, (p) => (p as { state: string }).state === 'on');
    const dsl = track(openTeacherSocket(hub, dina));
    await dsl.opened();
    dsl.send({ type: 'hello', csrfToken: dina.csrfToken });
    await dsl.next('ready');
    dsl.send({ type: 'watchFlags' });
    await dsl.next('flags');
    const nudgesBefore = dsl.messages.length;

    amy.close();
    await amy.closedWith();
    // Within the silence period: still on (a Wi-Fi blip raises nothing).
    expect(await amyProtection()).toEqual({ state: 'on', reason: null });
    hub.advance(SILENCE_MS + 1);
    const open = await eventually(alerts, (list) => list.length === 1);
    expect(open).toEqual([
      expect.objectContaining({
        kind: 'off',
        endedAt: null,
        pupil: expect.objectContaining({ name: 'Amy Robin' }),
      }),
    ]);
    expect(await amyProtection()).toEqual({ state: 'off', reason: 'silent' });
    await dsl.next('flags', nudgesBefore);

    // Back, and safe: the alert closes, and protection is on again.
    const back = await amyDevice();
    back.send({ type: 'health', health: health() });
    await eventually(alerts, (list) => list[0]?.endedAt !== null);
    expect(await alerts('open')).toEqual([]);
    expect(await amyProtection()).toEqual({ state: 'on', reason: null });
  });

  it('raises no alert for a device last heard before the lesson began', async () => {
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health() });
    amy.close();
    await amy.closedWith();
    hub.advance(60_000);
    await startLesson();
    await new Promise((resolve) => setTimeout(resolve, SILENCE_MS * 2));
    expect(await alerts()).toEqual([]);
    expect(await amyProtection()).toEqual({ state: 'unknown', reason: 'not-heard' });
  });

  it('goes off when the device reports itself unsafe, and the lesson ending closes the alert', async () => {
    const lesson = await startLesson();
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health({ unsafe: ['rules-missing'], ruleCount: 2 }) });
    const open = await eventually(alerts, (list) => list.length === 1);
    expect(open[0]).toMatchObject({ kind: 'unsafe', endedAt: null });
    expect(await amyProtection()).toEqual({ state: 'off', reason: 'unsafe' });

    const ended = await call(
      hub.app,
      'POST',
      `/api/classes/${hub.classIds.robins}/lessons/${lesson.id}/end`,
      { session: ada },
    );
    expect(ended.status).toBe(200);
    await eventually(alerts, (list) => list[0]?.endedAt !== null);
    expect(await alerts('open')).toEqual([]);
    expect(await amyProtection()).toBeNull();
  });

  it('counts in the weekly summary by kind and class', async () => {
    await startLesson();
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health({ unsafe: ['rules-not-installed'] }) });
    await eventually(alerts, (list) => list.length === 1);
    const summary = await call(hub.app, 'GET', '/api/incidents/summary?week=2026-03-02', {
      session: dina,
    });
    const records = summary.body.records as {
      type: string;
      total: number;
      breakdowns: { column: string; rows: { value: unknown; count: number }[] }[];
    }[];
    const protection = records.find((record) => record.type === 'protection_alerts');
    expect(protection?.total).toBe(1);
    expect(protection?.breakdowns.find((b) => b.column === 'kind')?.rows).toEqual([
      expect.objectContaining({ value: 'off', count: 0 }),
      expect.objectContaining({ value: 'unsafe', count: 1 }),
    ]);
  });
});

describe('subject access and erasure', () => {
  it("export the pupil's alerts and device health, and erasure removes both", async () => {
    await startLesson();
    const amy = await amyDevice();
    amy.send({ type: 'health', health: health({ unsafe: ['rules-missing'] }) });
    await eventually(alerts, (list) => list.length === 1);
    amy.close();
    await amy.closedWith();
    const ali = await login(hub.app, 'ali');
    const pupil = await hub.db
      .selectFrom('pupils')
      .select('id')
      .where('email', '=', 'amy@test.school')
      .executeTakeFirstOrThrow();
    const data = await call(hub.app, 'GET', `/api/pupils/${pupil.id}/data.json`, { session: ali });
    const records = data.body.records as { type: string; rows: Record<string, unknown>[] }[];
    const rowsOf = (type: string) => records.find((record) => record.type === type)?.rows;
    expect(rowsOf('protection_alerts')).toEqual([
      expect.objectContaining({ kind: 'unsafe', class_id: 'Year 2 Robins' }),
    ]);
    expect(rowsOf('device_health')).toEqual([
      expect.objectContaining({ policy_hash: 'abc123', unsafe: '["rules-missing"]' }),
    ]);

    const erased = await call(hub.app, 'POST', `/api/pupils/${pupil.id}/erase`, {
      session: ali,
      json: { reason: 'Left the school in July' },
    });
    expect(erased.status).toBe(200);
    expect(await hub.db.selectFrom('protection_alerts').selectAll().execute()).toEqual([]);
    expect(await hub.db.selectFrom('device_health').selectAll().execute()).toEqual([]);
  });
});
