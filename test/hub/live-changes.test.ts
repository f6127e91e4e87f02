// Changes reaching sockets live: after an answer or a school list change, every connected device
// concerned gets a fresh snapshot (and nobody else does); teachers watching a class hear when its
// requests are stored or answered, and when records of its pupils (Zip It, Block It…) arrive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubToDeviceSchema } from '../../shared/hub-protocol';
import { hubToTeacherSchema } from '../../shared/teacher-socket-protocol';
import { call, enrol, login, type Session } from './hub-fixture';
import {
  connectDevice,
  openTeacherSocket,
  startLiveHub,
  type LiveHub,
  type TestSocket,
} from './live-server';

const id = (n: number) => `0b6f4f2e-1c1a-4b5e-9a3e-${String(n).padStart(12, '0')}`;
const lessonBody = { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 };

let hub: LiveHub;
let ada: Session;
let ali: Session;
const sockets: TestSocket[] = [];
const track = (socket: TestSocket) => (sockets.push(socket), socket);

beforeEach(async () => {
  hub = await startLiveHub();
  ada = await login(hub.app, 'ada');
  ali = await login(hub.app, 'ali');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await hub.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
const types = (socket: TestSocket) => socket.messages.map((message) => message.type);
type Snap = { grants: { site: string }[]; schoolSites: string[]; answers: { id: string }[] };

const device = async (email: string, deviceId = `chromebook-${email.split('@')[0]}`) => {
  const token = await enrol(hub.app, email, deviceId);
  return { token, socket: track(await connectDevice(hub, token)) };
};
const ask = async (token: string, n: number) => {
  const sent = await call(hub.app, 'POST', '/api/device/requests', {
    bearer: token,
    json: {
      requests: [
        {
          id: id(n),
          url: 'https://www.example.org/',
          reason: 'Project',
          createdAt: '2026-03-02T08:00:00Z',
        },
      ],
    },
  });
  expect(sent.status).toBe(200);
};
const answer = async (session: Session, n: number, json: unknown) => {
  const answered = await call(hub.app, 'POST', `/api/requests/${id(n)}/answer`, { session, json });
  expect(answered.status).toBe(200);
};
const startLesson = async () => {
  const started = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
    session: ada,
    json: lessonBody,
  });
  expect(started.status).toBe(201);
  return started.body.lesson as { id: string };
};
async function readyTeacher(session: Session): Promise<TestSocket> {
  const teacher = track(openTeacherSocket(hub, session));
  await teacher.opened();
  teacher.send({ type: 'hello', csrfToken: session.csrfToken });
  await teacher.next('ready');
  return teacher;
}

describe('a fresh snapshot after an answer', () => {
  it('reaches every device of the class for a class grant, and no other class', async () => {
    const amy = await device('amy@test.school');
    const amyTablet = await device('amy@test.school', 'tablet-amy');
    const hal = await device('hal@test.school');
    await ask(amy.token, 1);
    await answer(ada, 1, { decision: 'allow', scope: 'class', duration: 'today' });
    for (const { socket } of [amy, amyTablet]) {
      const fresh = await socket.next('snapshot', 1);
      expect(hubToDeviceSchema.parse(fresh)).toEqual(fresh);
      expect((fresh.snapshot as Snap).grants).toEqual([
        { requestId: id(1), site: '=www.example.org', until: expect.any(String) },
      ]);
    }
    expect((await amy.socket.next('snapshot', 1)).snapshot).toMatchObject({
      answers: [{ id: id(1), status: 'allowed' }],
    });
    // The tablet didn't ask: no answer for it.
    expect((await amyTablet.socket.next('snapshot', 1)).snapshot).toMatchObject({ answers: [] });
    await settle();
    expect(types(hal.socket)).toEqual(['snapshot']);
  });

  it('reaches the asking device with a refusal', async () => {
    const amy = await device('amy@test.school');
    await ask(amy.token, 1);
    await answer(ada, 1, { decision: 'deny' });
    const fresh = await amy.socket.next('snapshot', 1);
    expect(fresh.snapshot).toMatchObject({
      grants: [],
      answers: [{ id: id(1), status: 'denied' }],
    });
  });

  it('reaches a device on no roster, answered by the DSL', async () => {
    const stray = await device('new@test.school');
    const amy = await device('amy@test.school');
    await ask(stray.token, 1);
    await answer(await login(hub.app, 'dina'), 1, {
      decision: 'allow',
      scope: 'pupil',
      duration: 'today',
    });
    const fresh = await stray.socket.next('snapshot', 1);
    expect((fresh.snapshot as Snap).grants).toEqual([
      { requestId: id(1), site: '=www.example.org', until: expect.any(String) },
    ]);
    await settle();
    expect(types(amy.socket)).toEqual(['snapshot']);
  });

  it('sends the class a snapshot without the grant when its lesson ends early', async () => {
    const amy = await device('amy@test.school');
    const lesson = await startLesson();
    await ask(amy.token, 1);
    await answer(ada, 1, { decision: 'allow', scope: 'pupil', duration: 'lesson' });
    await amy.socket.next('snapshot', 2);
    const before = amy.socket.messages.length;
    await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons/${lesson.id}/end`, {
      session: ada,
    });
    const fresh = await amy.socket.next('snapshot', before);
    expect(fresh.snapshot).toMatchObject({ lesson: null, grants: [] });
    expect(types(amy.socket).slice(before)).toEqual(['lesson.end', 'snapshot']);
  });

  it('sends no snapshot when a lesson with no grants ends (the common case stays cheap)', async () => {
    const amy = await device('amy@test.school');
    const lesson = await startLesson();
    await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons/${lesson.id}/end`, {
      session: ada,
    });
    await amy.socket.next('lesson.end');
    await settle();
    expect(types(amy.socket)).toEqual(['snapshot', 'lesson.start', 'lesson.end']);
  });
});

describe('a fresh snapshot after a school list change', () => {
  it('reaches the devices on that key stage, including those on no roster for KS1', async () => {
    const amy = await device('amy@test.school');
    const stray = await device('new@test.school');
    const hal = await device('hal@test.school');
    const added = await call(hub.app, 'POST', '/api/school-sites', {
      session: ali,
      json: { site: 'www.phonicsplay.co.uk', keyStage: 'ks1', reason: 'Phonics' },
    });
    expect(added.status).toBe(201);
    for (const { socket } of [amy, stray]) {
      expect((await socket.next('snapshot', 1)).snapshot).toMatchObject({
        schoolSites: ['www.phonicsplay.co.uk'],
      });
    }
    await settle();
    expect(types(hal.socket)).toEqual(['snapshot']);

    const siteId = (added.body.site as { id: number }).id;
    await call(hub.app, 'POST', `/api/school-sites/${siteId}/remove`, {
      session: ali,
      json: { reason: 'Subscription ended' },
    });
    expect((await amy.socket.next('snapshot', 2)).snapshot).toMatchObject({ schoolSites: [] });
  });

  it('reaches the key stage’s devices when the admin approves a change request, not when asked', async () => {
    const hal = await device('hal@test.school');
    const asked = await call(hub.app, 'POST', '/api/change-requests', {
      session: await login(hub.app, 'bob'),
      json: { site: 'scratch.mit.edu', keyStage: 'ks2', reason: 'Coding club' },
    });
    await settle();
    expect(types(hal.socket)).toEqual(['snapshot']);
    const requestId = (asked.body.changeRequest as { id: number }).id;
    await call(hub.app, 'POST', `/api/change-requests/${requestId}/decide`, {
      session: ali,
      json: { decision: 'approve' },
    });
    expect((await hal.socket.next('snapshot', 1)).snapshot).toMatchObject({
      schoolSites: ['scratch.mit.edu'],
    });
  });
});

describe('the requests nudge to teachers', () => {
  it('tells the teachers watching the class when a request arrives and when it is answered', async () => {
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    await teacher.next('live');
    const bob = await readyTeacher(await login(hub.app, 'bob'));
    bob.send({ type: 'watch', classId: hub.classIds.hawks });
    await bob.next('live');
    const amy = await enrol(hub.app, 'amy@test.school');

    await ask(amy, 1);
    const arrived = await teacher.next('requests');
    expect(arrived).toEqual({ type: 'requests', classId: hub.classIds.robins });
    expect(hubToTeacherSchema.parse(arrived)).toEqual(arrived);
    // A retry stores nothing new, so tells nobody.
    await ask(amy, 1);
    await settle();
    expect(types(teacher).filter((type) => type === 'requests')).toHaveLength(1);

    await answer(ada, 1, { decision: 'deny' });
    const from = teacher.messages.indexOf(arrived) + 1;
    expect(await teacher.next('requests', from)).toEqual({
      type: 'requests',
      classId: hub.classIds.robins,
    });
    await settle();
    expect(types(bob)).not.toContain('requests');
  });
});

describe('the pupil records nudge to teachers', () => {
  it('tells the teachers watching the class when records arrive, and never the devices', async () => {
    const teacher = await readyTeacher(ada);
    teacher.send({ type: 'watch', classId: hub.classIds.robins });
    await teacher.next('live');
    const amy = await device('amy@test.school');
    await amy.socket.next('snapshot');
    const record = {
      id: id(1),
      kind: 'block-it',
      detail: 'link',
      outcome: 'flagged',
      site: 'chat.example.com',
      target: 'prizes.example.net',
      createdAt: '2026-03-02T08:00:00Z',
    };
    const send = () =>
      call(hub.app, 'POST', '/api/device/pupil-events', {
        bearer: amy.token,
        json: { events: [record] },
      });

    expect((await send()).status).toBe(200);
    const arrived = await teacher.next('pupilEvents');
    expect(arrived).toEqual({ type: 'pupilEvents', classId: hub.classIds.robins });
    expect(hubToTeacherSchema.parse(arrived)).toEqual(arrived);
    // A retry stores nothing new, so tells nobody.
    expect((await send()).status).toBe(200);
    await settle();
    expect(types(teacher).filter((type) => type === 'pupilEvents')).toHaveLength(1);
    expect(types(amy.socket)).not.toContain('pupilEvents');
  });
});
