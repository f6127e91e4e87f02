// Flags reaching the dashboard live, on real sockets: a teacher socket that sent `watchFlags`
// hears `flags` at once and whenever a flag or keyword alert it may see arrives, is told more or
// is handled (and never of others'); a keyword list change reaches every connected device.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubToDeviceSchema } from '../../shared/hub-protocol';
import { hubToTeacherSchema } from '../../shared/teacher-socket-protocol';
import { flag, keywordAlert, uploadAlerts, uploadFlags, uuid } from './flag-fixture';
import { call, enrol, login, type Session } from './hub-fixture';
import {
  connectDevice,
  openTeacherSocket,
  startLiveHub,
  type LiveHub,
  type TestSocket,
} from './live-server';

let hub: LiveHub;
let ada: Session;
let bob: Session;
let dina: Session;
const sockets: TestSocket[] = [];
const track = (socket: TestSocket) => (sockets.push(socket), socket);

beforeEach(async () => {
  hub = await startLiveHub();
  ada = await login(hub.app, 'ada');
  bob = await login(hub.app, 'bob');
  dina = await login(hub.app, 'dina');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await hub.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));
const count = (socket: TestSocket, type: string) =>
  socket.messages.filter((message) => message.type === type).length;

async function readyTeacher(session: Session): Promise<TestSocket> {
  const teacher = track(openTeacherSocket(hub, session));
  await teacher.opened();
  teacher.send({ type: 'hello', csrfToken: session.csrfToken });
  await teacher.next('ready');
  return teacher;
}

/** A teacher socket following flags, past the first `flags` it is owed at once. */
async function watchingFlags(session: Session): Promise<TestSocket> {
  const teacher = await readyTeacher(session);
  teacher.send({ type: 'watchFlags' });
  const first = await teacher.next('flags');
  expect(hubToTeacherSchema.parse(first)).toEqual({ type: 'flags' });
  return teacher;
}

/** Waits until the socket has had `n` `flags` messages. */
async function nthFlags(socket: TestSocket, n: number) {
  while (count(socket, 'flags') < n) {
    const last = socket.messages.map((message) => message.type).lastIndexOf('flags');
    await socket.next('flags', last + 1);
  }
}

describe('the flags nudge', () => {
  it('goes to the class’s teacher and the DSL when a flag arrives, and to no other teacher', async () => {
    const adaSocket = await watchingFlags(ada);
    const bobSocket = await watchingFlags(bob);
    const dinaSocket = await watchingFlags(dina);
    const amy = await enrol(hub.app, 'amy@test.school');
    const sentAt = performance.now();
    expect((await uploadFlags(hub.app, amy, [flag(1)])).status).toBe(200);
    await nthFlags(adaSocket, 2);
    // How long a flag takes to reach the teacher (the aim is under a second); shown, not asserted.
    console.info(`flag to teacher: ${(performance.now() - sentAt).toFixed(1)} ms`);
    await nthFlags(dinaSocket, 2);
    await settle();
    expect(count(bobSocket, 'flags')).toBe(1);
  });

  it('tells the DSL and the admin, and no teacher, of a pupil on no roster and of keyword alerts', async () => {
    const adaSocket = await watchingFlags(ada);
    const dinaSocket = await watchingFlags(dina);
    const aliSocket = await watchingFlags(await login(hub.app, 'ali'));
    const stray = await enrol(hub.app, 'new@test.school');
    await uploadFlags(hub.app, stray, [flag(1)]);
    await nthFlags(dinaSocket, 2);
    await nthFlags(aliSocket, 2);
    const amy = await enrol(hub.app, 'amy@test.school');
    expect((await uploadAlerts(hub.app, amy, [keywordAlert(2)])).status).toBe(200);
    await nthFlags(dinaSocket, 3);
    await nthFlags(aliSocket, 3);
    await settle();
    expect(count(adaSocket, 'flags')).toBe(1);
  });

  it('comes when a flag is told more or handled, and not for a retry that adds nothing', async () => {
    const adaSocket = await watchingFlags(ada);
    const amy = await enrol(hub.app, 'amy@test.school');
    await uploadFlags(hub.app, amy, [flag(1)]);
    await nthFlags(adaSocket, 2);
    await uploadFlags(hub.app, amy, [flag(1)]);
    await settle();
    expect(count(adaSocket, 'flags')).toBe(2);
    await uploadFlags(hub.app, amy, [flag(1, { reason: 'upset' })]);
    await nthFlags(adaSocket, 3);
    const handled = await call(hub.app, 'POST', `/api/flags/${uuid(1)}/acknowledge`, {
      session: ada,
      json: { action: 'Spoke to Amy' },
    });
    expect(handled.status).toBe(200);
    await nthFlags(adaSocket, 4);
    // A retry of keyword alerts adds nothing either.
    const dinaSocket = await watchingFlags(dina);
    await uploadAlerts(hub.app, amy, [keywordAlert(2)]);
    await nthFlags(dinaSocket, 2);
    await uploadAlerts(hub.app, amy, [keywordAlert(2)]);
    await settle();
    expect(count(dinaSocket, 'flags')).toBe(2);
  });

  it('goes only to sockets that sent watchFlags, and stops when the socket closes', async () => {
    const watching = await watchingFlags(ada);
    const quiet = await readyTeacher(ada);
    quiet.send({ type: 'watch', classId: hub.classIds.robins });
    await quiet.next('live');
    watching.close();
    await watching.closedWith();
    const amy = await enrol(hub.app, 'amy@test.school');
    await uploadFlags(hub.app, amy, [flag(1)]);
    await settle();
    expect(count(quiet, 'flags')).toBe(0);
    expect(count(watching, 'flags')).toBe(1);
  });

  it('answers watchFlags sent again at once, without doubling the nudges', async () => {
    const adaSocket = await watchingFlags(ada);
    adaSocket.send({ type: 'watchFlags' });
    await nthFlags(adaSocket, 2);
    const amy = await enrol(hub.app, 'amy@test.school');
    await uploadFlags(hub.app, amy, [flag(1)]);
    await nthFlags(adaSocket, 3);
    await settle();
    expect(count(adaSocket, 'flags')).toBe(3);
  });
});

describe('a keyword list change', () => {
  it('sends every connected device of the school a fresh snapshot, on a roster or not', async () => {
    const devices = await Promise.all(
      ['amy@test.school', 'hal@test.school', 'new@test.school'].map(async (email) =>
        track(await connectDevice(hub, await enrol(hub.app, email))),
      ),
    );
    const saved = await call(hub.app, 'PUT', '/api/keywords', {
      session: dina,
      json: { keywords: ['Suicide', 'self harm'] },
    });
    expect(saved.status).toBe(200);
    for (const device of devices) {
      const fresh = await device.next('snapshot', 1);
      expect(hubToDeviceSchema.parse(fresh)).toEqual(fresh);
      expect(fresh.snapshot).toMatchObject({ keywords: ['self harm', 'suicide'] });
    }
    // Saving the same list again changes nothing, so sends nothing.
    await call(hub.app, 'PUT', '/api/keywords', {
      session: dina,
      json: { keywords: ['suicide', 'self harm'] },
    });
    await settle();
    for (const device of devices) expect(count(device, 'snapshot')).toBe(2);
  });
});
