import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import {
  connectToHub,
  handleHubMessage,
  onLessonChange,
} from '../../background/hub-link/hub-client';
import { deviceToken } from '../../background/hub-link/hub-device';
import { readLesson } from '../../background/lesson-store';
import type { Lesson } from '../../shared/lesson';

const lesson = (id: string): Lesson => ({
  id,
  name: 'Volcanoes',
  mode: 'focus',
  sites: ['volcano.example.org'],
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  teacher: 'Ms Khan',
});
const FIRST = '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f';
const SECOND = '7a2d3c2f-3b5c-4d4e-8f90-1b2c3d4e5f60';

beforeEach(() => {
  installFakeExtension();
});

describe('messages from the hub', () => {
  it('stores a started lesson and asks for the rules to be rebuilt', async () => {
    const rebuilt = vi.fn();
    onLessonChange(rebuilt);
    await handleHubMessage({ type: 'lesson.start', lesson: lesson(FIRST) });
    expect((await readLesson())?.id).toBe(FIRST);
    expect(rebuilt).toHaveBeenCalledTimes(1);
  });

  it("ends only the lesson it names, and converges on the hub's snapshot", async () => {
    await handleHubMessage({ type: 'lesson.start', lesson: lesson(FIRST) });
    await handleHubMessage({ type: 'lesson.end', lessonId: SECOND });
    expect((await readLesson())?.id).toBe(FIRST);
    await handleHubMessage({ type: 'lesson.end', lessonId: FIRST });
    expect(await readLesson()).toBeNull();

    const snapshot = { pupil: { name: 'Ava' }, classId: 1, keyStage: 'ks1' as const };
    await handleHubMessage({ type: 'snapshot', snapshot: { ...snapshot, lesson: lesson(SECOND) } });
    expect((await readLesson())?.id).toBe(SECOND);
    await handleHubMessage({ type: 'snapshot', snapshot: { ...snapshot, lesson: null } });
    expect(await readLesson()).toBeNull();
  });
});

describe('enrolment', () => {
  it('stays off the hub while the school has configured none', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await connectToHub();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('enrols once per hub and pupil, and again for another pupil', async () => {
    const fetch = vi.fn(async (_url: string, init: { body: string }) => {
      const { email } = JSON.parse(init.body) as { email: string };
      return new Response(
        JSON.stringify({
          deviceToken: `token-for-${email}-0123456789`,
          assigned: true,
          pupil: { name: 'Ava', classId: 1, keyStage: 'ks1' },
        }),
      );
    });
    vi.stubGlobal('fetch', fetch);
    const hub = 'https://hub.school.example';
    const first = await deviceToken(hub, 'school-token', 'ava@school.example');
    expect(await deviceToken(hub, 'school-token', 'ava@school.example')).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    const body = JSON.parse(fetch.mock.calls[0]?.[1].body ?? '{}');
    expect(body).toMatchObject({ enrolmentToken: 'school-token', email: 'ava@school.example' });
    expect(body.deviceId).toMatch(/^[0-9a-f-]{36}$/);

    await deviceToken(hub, 'school-token', 'ben@school.example');
    expect(fetch).toHaveBeenCalledTimes(2);
    // The device id never changes, whoever signs in.
    const second = JSON.parse(fetch.mock.calls[1]?.[1].body ?? '{}');
    expect(second.deviceId).toBe(body.deviceId);
    expect(await fakeBrowser.storage.local.get('deviceId')).toEqual({ deviceId: body.deviceId });
  });
});
