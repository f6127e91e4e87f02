// A lesson that starts while a device's snapshot is being read must reach the device after that
// snapshot, never before it: the device converges on the last thing it hears, and a snapshot
// read before the lesson would take the lesson away. The read is held open here (the school
// list query waits for the test), so the order is certain rather than a race.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, enrol, login, type Session } from './hub-fixture';
import { connectDevice, startLiveHub, type LiveHub, type TestSocket } from './live-server';

const gate = vi.hoisted(() => ({ closed: undefined as Promise<void> | undefined }));

vi.mock('../../hub/server/school-sites', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../hub/server/school-sites')>();
  return {
    ...original,
    schoolSitesFor: async (...args: Parameters<typeof original.schoolSitesFor>) => {
      await gate.closed;
      return original.schoolSitesFor(...args);
    },
  };
});

const REQUEST_ID = '0b6f4f2e-1c1a-4b5e-9a3e-000000000001';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let hub: LiveHub;
let ada: Session;
let amy: TestSocket;
beforeEach(async () => {
  hub = await startLiveHub();
  ada = await login(hub.app, 'ada');
  const token = await enrol(hub.app, 'amy@test.school');
  amy = await connectDevice(hub, token);
  await call(hub.app, 'POST', '/api/device/requests', {
    bearer: token,
    json: {
      requests: [
        {
          id: REQUEST_ID,
          url: 'https://www.example.org/',
          reason: 'x',
          createdAt: '2026-03-02T08:00:00Z',
        },
      ],
    },
  });
});
afterEach(async () => {
  gate.closed = undefined;
  amy.close();
  await hub.close();
});

/** The lesson the device ends up enforcing, applying its messages in order. */
function convergedLesson(socket: TestSocket): string | null {
  let lesson: string | null = null;
  for (const message of socket.messages) {
    if (message.type === 'snapshot') {
      lesson = (message.snapshot as { lesson: { id: string } | null }).lesson?.id ?? null;
    } else if (message.type === 'lesson.start') {
      lesson = (message.lesson as { id: string }).id;
    } else if (message.type === 'lesson.end') {
      lesson = null;
    }
  }
  return lesson;
}

describe('a refresh racing a lesson start', () => {
  it('sends the lesson after the snapshot that was being read', async () => {
    let open = () => {};
    gate.closed = new Promise((resolve) => (open = resolve));
    const answered = await call(hub.app, 'POST', `/api/requests/${REQUEST_ID}/answer`, {
      session: ada,
      json: { decision: 'deny' },
    });
    expect(answered.status).toBe(200);
    // The refresh has read "no lesson" and waits on the school list.
    await pause(50);
    const started = await call(hub.app, 'POST', `/api/classes/${hub.classIds.robins}/lessons`, {
      session: ada,
      json: { name: 'Volcanoes', mode: 'focus', sites: ['bbc.co.uk'], minutes: 40 },
    });
    expect(started.status).toBe(201);
    await pause(50);
    // Held, not sent, while the snapshot is read.
    expect(amy.messages.map((message) => message.type)).toEqual(['snapshot']);
    open();
    await amy.next('lesson.start');
    expect(amy.messages.map((message) => message.type)).toEqual([
      'snapshot',
      'snapshot',
      'lesson.start',
    ]);
    expect(convergedLesson(amy)).toBe((started.body.lesson as { id: string }).id);
  });
});
