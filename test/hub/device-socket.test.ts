// The device WebSocket on a real server: hello first, the snapshot, lessons pushed live, the
// confirmations the teacher's live view is built from, and what the hub does with bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubToDeviceSchema } from '../../shared/hub-protocol';
import { call, enrol, login, type Session } from './hub-fixture';
import {
  connectDevice,
  eventually,
  openDeviceSocket,
  startLiveHub,
  type LiveHub,
  type TestSocket,
} from './live-server';

const lessonBody = { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 };

let hub: LiveHub;
let ada: Session;
const sockets: TestSocket[] = [];
const track = (socket: TestSocket) => (sockets.push(socket), socket);

beforeEach(async () => {
  hub = await startLiveHub({ helloTimeoutMs: 200 });
  ada = await login(hub.app, 'ada');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await hub.close();
});

const startLesson = async (json: unknown = lessonBody) => {
  const answer = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
    session: ada,
    json,
  });
  expect(answer.status).toBe(201);
  return answer.body.lesson as { id: string };
};
const liveView = async () =>
  (await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/live`, { session: ada })).body;
const amyStatus = async () => {
  const body = (await liveView()) as { pupils: { status: string }[] };
  return body.pupils[0];
};

describe('saying hello', () => {
  it('answers a good hello with the snapshot, with the running lesson in it', async () => {
    const lesson = await startLesson();
    const device = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    const snapshot = await device.next('snapshot');
    expect(snapshot).toEqual({
      type: 'snapshot',
      snapshot: {
        pupil: { name: 'Amy Robin' },
        classId: hub.classIds.robins,
        keyStage: 'ks1',
        lesson,
        grants: [],
        schoolSites: [],
        answers: [],
        keywords: [],
      },
    });
    expect(hubToDeviceSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('closes a socket that says nothing with 4401', async () => {
    const device = track(openDeviceSocket(hub));
    await device.opened();
    expect(await device.closedWith()).toEqual({
      code: 4401,
      reason: 'No hello with the device token within 0.2 s.',
    });
    expect(device.messages).toEqual([]);
  });

  it('closes a socket whose hello has an unknown token with 4401', async () => {
    const device = track(openDeviceSocket(hub));
    await device.opened();
    device.send({ type: 'hello', deviceToken: 'A'.repeat(43) });
    expect(await device.closedWith()).toEqual({
      code: 4401,
      reason: 'This device token is not known; enrol the device again.',
    });
    expect(device.messages).toEqual([]);
  });

  it('closes a socket whose first message is not hello with 4401', async () => {
    for (const first of ['not json', { type: 'pong' }, { type: 'hello' }]) {
      const device = track(openDeviceSocket(hub));
      await device.opened();
      device.send(first);
      expect(await device.closedWith()).toMatchObject({ code: 4401 });
    }
  });

  it('keeps a confirmation sent straight after the hello, before the snapshot', async () => {
    const device = track(openDeviceSocket(hub));
    await device.opened();
    device.send({ type: 'hello', deviceToken: await enrol(hub.app, 'amy@test.school') });
    device.send({ type: 'lesson.enforcing', lessonId: null, policyHash: 'abc' });
    await device.next('snapshot');
    expect(await eventually(amyStatus, (p) => p?.status === 'enforcing')).toMatchObject({
      status: 'enforcing',
    });
  });

  it('counts each hello against the device’s rate limit (4429 when over)', async () => {
    await hub.close();
    hub = await startLiveHub({ deviceRequests: { limit: 1, windowMs: 60_000 } });
    const token = await enrol(hub.app, 'amy@test.school');
    track(await connectDevice(hub, token));
    const again = track(openDeviceSocket(hub));
    await again.opened();
    again.send({ type: 'hello', deviceToken: token });
    expect(await again.closedWith()).toEqual({
      code: 4429,
      reason: 'Too many requests from this device; try again in 60 s.',
    });
  });

  it('snapshots an unassigned device on the strictest key stage with no lesson', async () => {
    await startLesson();
    const device = track(await connectDevice(hub, await enrol(hub.app, 'new@test.school')));
    expect((await device.next('snapshot')).snapshot).toEqual({
      pupil: null,
      classId: null,
      keyStage: 'ks1',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: [],
    });
  });
});

describe('lessons pushed live', () => {
  it('delivers lesson.start at once to connected devices of the class, and only them', async () => {
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    const hal = track(await connectDevice(hub, await enrol(hub.app, 'hal@test.school')));
    const lesson = await startLesson();
    expect(await amy.next('lesson.start')).toEqual({ type: 'lesson.start', lesson });
    // Hal's class had no lesson: a ping-free, lesson-free socket.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hal.messages.map((message) => message.type)).toEqual(['snapshot']);
  });

  it('delivers lesson.end when the teacher ends it', async () => {
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    const lesson = await startLesson();
    await amy.next('lesson.start');
    const ended = await call(
      hub.app,
      'POST',
      `/api/classes/${hub.classIds.robins}/lessons/${lesson.id}/end`,
      { session: ada },
    );
    expect(ended.status).toBe(200);
    expect(await amy.next('lesson.end')).toEqual({ type: 'lesson.end', lessonId: lesson.id });
  });

  it('sends a replacing lesson as one lesson.start, with no lesson.end between', async () => {
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    await startLesson();
    const second = await startLesson({ ...lessonBody, name: 'Rivers' });
    await eventually(
      async () => amy.messages.length,
      (count) => count >= 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(amy.messages.map((message) => message.type)).toEqual([
      'snapshot',
      'lesson.start',
      'lesson.start',
    ]);
    expect(amy.messages.at(-1)).toEqual({ type: 'lesson.start', lesson: second });
  });
});

describe('what the live view shows of a device', () => {
  it('is pending once connected, enforcing once confirmed, offline once gone', async () => {
    const token = await enrol(hub.app, 'amy@test.school');
    expect(await amyStatus()).toMatchObject({ status: 'offline', lastSeen: null });
    const amy = track(await connectDevice(hub, token));
    expect(await amyStatus()).toMatchObject({ status: 'pending', domain: null });

    // No lesson: confirming "no lesson" is enforcing.
    amy.send({ type: 'lesson.enforcing', lessonId: null, policyHash: 'abc' });
    expect(await eventually(amyStatus, (p) => p?.status === 'enforcing')).toMatchObject({
      status: 'enforcing',
    });

    const lesson = await startLesson();
    await amy.next('lesson.start');
    // Still enforcing the old state: pending until it confirms the lesson.
    expect(await amyStatus()).toMatchObject({ status: 'pending' });
    amy.send({ type: 'lesson.enforcing', lessonId: lesson.id, policyHash: 'def' });
    amy.send({ type: 'site', domain: 'WWW.BBC.co.uk' });
    expect(await eventually(amyStatus, (p) => p?.status === 'enforcing')).toEqual({
      id: expect.any(Number),
      name: 'Amy Robin',
      email: 'amy@test.school',
      status: 'enforcing',
      domain: 'www.bbc.co.uk',
      lastSeen: '2026-03-02T09:00:00.000Z',
      // Connected in the lesson but no health report yet (protection-state.test.ts has the rest).
      protection: { state: 'unknown', reason: 'no-report' },
    });

    hub.advance(60_000);
    amy.send({ type: 'pong' });
    amy.close();
    expect(await eventually(amyStatus, (p) => p?.status === 'offline')).toMatchObject({
      status: 'offline',
      domain: null,
      lastSeen: '2026-03-02T09:01:00.000Z',
    });
  });

  it('gives a pupil with two devices the better status', async () => {
    const first = track(
      await connectDevice(hub, await enrol(hub.app, 'amy@test.school', 'device-amy-1')),
    );
    track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school', 'device-amy-2')));
    first.send({ type: 'lesson.enforcing', lessonId: null, policyHash: 'abc' });
    expect(await eventually(amyStatus, (p) => p?.status === 'enforcing')).toMatchObject({
      status: 'enforcing',
    });
    first.close();
    expect(await eventually(amyStatus, (p) => p?.status === 'pending')).toMatchObject({
      status: 'pending',
    });
  });
});

describe('bad input', () => {
  it('ignores and counts bad JSON, unknown types and a bad domain, and keeps the socket', async () => {
    const { services } = hub;
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    const before = services.socketStats.ignoredMessages;
    amy.send('{not json');
    amy.send({ type: 'lesson.approve', everything: true });
    amy.send({ type: 'site', domain: 'javascript:alert(1)' });
    amy.send({ type: 'hello', deviceToken: 'x'.repeat(43) });
    amy.send(Buffer.from([1, 2, 3]));
    amy.send({ type: 'lesson.enforcing', lessonId: null, policyHash: 'abc' });
    expect(await eventually(amyStatus, (p) => p?.status === 'enforcing')).toMatchObject({
      status: 'enforcing',
      domain: null,
    });
    expect(services.socketStats.ignoredMessages - before).toBe(5);
    expect(amy.closed).toBeUndefined();
  });

  it('closes a socket that sends more than 16 KB in one message (1009)', async () => {
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    amy.send({ type: 'site', domain: 'x'.repeat(17 * 1024) });
    expect((await amy.closedWith()).code).toBe(1009);
    expect(await eventually(amyStatus, (p) => p?.status === 'offline')).toMatchObject({
      status: 'offline',
    });
  });
});

describe('keepalive', () => {
  it('pings, keeps a device that answers, and closes one that falls silent (4408)', async () => {
    await hub.close();
    hub = await startLiveHub({ keepaliveMs: 80 });
    ada = await login(hub.app, 'ada');
    const token = await enrol(hub.app, 'amy@test.school');
    const amy = track(await connectDevice(hub, token));
    amy.socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'ping') amy.send({ type: 'pong' });
    });
    const quiet = track(await connectDevice(hub, await enrol(hub.app, 'hal@test.school')));
    await quiet.next('ping');
    expect(await quiet.closedWith()).toMatchObject({ code: 4408 });
    expect(amy.closed).toBeUndefined();
    expect(amy.messages.filter((message) => message.type === 'ping').length).toBeGreaterThan(1);
    expect(await amyStatus()).toMatchObject({ status: 'pending' });
  });
});
