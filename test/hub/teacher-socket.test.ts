// The teacher WebSocket on a real server: the three checks that keep another site out (session
// cookie, Origin, CSRF hello), watching only classes the user may see, and live updates that
// follow devices and lessons, throttled per class.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubToTeacherSchema } from '../../shared/teacher-socket-protocol';
import { call, enrol, login, type Session } from './hub-fixture';
import {
  connectDevice,
  openTeacherSocket,
  startLiveHub,
  type LiveHub,
  type TestSocket,
} from './live-server';

const lessonBody = { name: 'Volcanoes', mode: 'add', sites: ['bbc.co.uk'], minutes: 40 };

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

/** A teacher socket past its hello. */
async function readyTeacher(session: Session): Promise<TestSocket> {
  const teacher = track(openTeacherSocket(hub, session));
  await teacher.opened();
  teacher.send({ type: 'hello', csrfToken: session.csrfToken });
  await teacher.next('ready');
  return teacher;
}

type Live = { lesson: { id: string } | null; pupils: { status: string; domain: string | null }[] };
const lives = (teacher: TestSocket) =>
  teacher.messages.filter((message) => message.type === 'live').map((m) => m.live as Live);

describe('opening the teacher socket', () => {
  it('refuses the upgrade without a login (401) or from another origin (403)', async () => {
    const anonymous = track(openTeacherSocket(hub, undefined));
    await anonymous.closedWith();
    expect(anonymous.refusedWith).toBe(401);
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', null]) {
      const foreign = track(openTeacherSocket(hub, ada, origin));
      await foreign.closedWith();
      expect([origin, foreign.refusedWith]).toEqual([origin, 403]);
    }
  });

  it('refuses a device token on the upgrade', async () => {
    const token = await enrol(hub.app, 'amy@test.school');
    const answer = await call(hub.app, 'GET', '/api/teacher/ws', { bearer: token });
    expect(answer).toMatchObject({
      status: 401,
      body: { error: 'A device token cannot be used here; this is for logged-in teachers.' },
    });
  });

  it('closes a socket that does not say hello in time with 4401', async () => {
    const teacher = track(openTeacherSocket(hub, ada));
    await teacher.opened();
    expect(await teacher.closedWith()).toEqual({
      code: 4401,
      reason: 'No hello with the CSRF token within 0.2 s.',
    });
  });

  it('closes a socket whose first message is not hello with 4401', async () => {
    const teacher = track(openTeacherSocket(hub, ada));
    await teacher.opened();
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    expect(await teacher.closedWith()).toMatchObject({ code: 4401 });
    expect(teacher.messages).toEqual([]);
  });

  it('closes a socket whose hello has the wrong CSRF token with 4403', async () => {
    const bob = await login(hub.app, 'bob');
    for (const csrfToken of ['wrong', bob.csrfToken]) {
      const teacher = track(openTeacherSocket(hub, ada));
      await teacher.opened();
      teacher.send({ type: 'hello', csrfToken });
      expect(await teacher.closedWith()).toEqual({
        code: 4403,
        reason: 'The CSRF token does not match your login; log in again.',
      });
    }
  });

  it('answers a good hello with ready', async () => {
    const teacher = await readyTeacher(ada);
    expect(teacher.messages).toEqual([{ type: 'ready' }]);
  });
});

describe('watching a class', () => {
  it('refuses a class the teacher does not teach, and one that does not exist', async () => {
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.hawks });
    expect(await teacher.next('refused')).toEqual({
      type: 'refused',
      classId: hub.classIds.hawks,
      error: 'No such class.',
    });
    teacher.send({ type: 'watch', classId: 9999 });
    expect(await teacher.next('refused', 2)).toMatchObject({ classId: 9999 });
    expect(lives(teacher)).toEqual([]);
    expect(teacher.closed).toBeUndefined();
  });

  it('lets the DSL watch any class', async () => {
    const dsl = await readyTeacher(await login(hub.app, 'dina'));
    dsl.send({ type: 'watch', classId: hub.classIds.hawks });
    expect(await dsl.next('live')).toMatchObject({ classId: hub.classIds.hawks });
  });

  it('sends the live view at once, then on connect, confirm, site, lesson start and end, disconnect', async () => {
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    const first = await teacher.next('live');
    expect(hubToTeacherSchema.parse(first)).toEqual(first);
    expect(first).toEqual({
      type: 'live',
      classId: hub.classIds.robins,
      live: (
        await call(hub.app, 'GET', `/api/classes/${hub.classIds.robins}/live`, { session: ada })
      ).body,
    });
    const latest = async (accept: (live: Live) => boolean) => {
      for (let tries = 0; tries < 100; tries++) {
        const last = lives(teacher).at(-1);
        if (last && accept(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`No such live view: ${JSON.stringify(lives(teacher).at(-1))}`);
    };

    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    await latest((live) => live.pupils[0]?.status === 'pending');

    const started = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
      session: ada,
      json: lessonBody,
    });
    const lessonId = (started.body.lesson as { id: string }).id;
    await latest((live) => live.lesson?.id === lessonId);

    amy.send({ type: 'lesson.enforcing', lessonId, policyHash: 'abc' });
    await latest((live) => live.pupils[0]?.status === 'enforcing');
    amy.send({ type: 'site', domain: 'bbc.co.uk' });
    await latest((live) => live.pupils[0]?.domain === 'bbc.co.uk');

    await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons/${lessonId}/end`, {
      session: ada,
    });
    // The device still enforces the ended lesson until it confirms again: pending.
    await latest((live) => live.lesson === null && live.pupils[0]?.status === 'pending');

    amy.close();
    await latest((live) => live.pupils[0]?.status === 'offline');
  });

  it('throttles a burst of changes to a few updates, the last one current', async () => {
    await hub.close();
    hub = await startLiveHub({ liveUpdateGapMs: 100 });
    ada = await login(hub.app, 'ada');
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    await teacher.next('live');
    const amy = track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    for (let i = 0; i < 50; i++) amy.send({ type: 'site', domain: `site${i}.example.org` });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const updates = lives(teacher).slice(1);
    // 50 changes over ~0.35 s at no more than one update per 100 ms.
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(5);
    expect(updates.at(-1)?.pupils[0]?.domain).toBe('site49.example.org');
  });

  it('stops the updates on unwatch', async () => {
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    await teacher.next('live');
    teacher.send({ type: 'unwatch', classId: hub.classIds.robins });
    await new Promise((resolve) => setTimeout(resolve, 30));
    track(await connectDevice(hub, await enrol(hub.app, 'amy@test.school')));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lives(teacher)).toHaveLength(1);
  });

  it('closes the socket (4401) at the next ping once the teacher logs out', async () => {
    await hub.close();
    hub = await startLiveHub({ keepaliveMs: 60 });
    ada = await login(hub.app, 'ada');
    const teacher = await readyTeacher(ada);
    teacher.socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'ping') teacher.send({ type: 'pong' });
    });
    await teacher.next('ping');
    expect(teacher.closed).toBeUndefined();
    await call(hub.app, 'POST', '/api/auth/logout', { session: ada });
    expect(await teacher.closedWith()).toEqual({
      code: 4401,
      reason: 'Your login has ended; log in again.',
    });
  });
});
