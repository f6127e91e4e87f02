import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import {
  connectToHub,
  forgetRemovedHub,
  handleHubMessage,
  onPolicyChange,
} from '../../background/hub-link/hub-client';
import { deviceToken } from '../../background/hub-link/hub-device';
import { readHubState } from '../../background/hub-link/hub-state';
import { database } from '../../background/database';
import { readLesson } from '../../background/lesson-store';
import { POLICY_CHANGE_ALARM, schedulePolicyChange } from '../../background/policy-change-alarm';
import { refreshManagedState } from '../../background/policy-store';
import { currentPolicy, syncRules } from '../../background/rule-sync';
import { answerVisitRequest, storeVisitRequest } from '../../background/visit-requests';
import type { Snapshot } from '../../shared/hub-protocol';
import type { Lesson } from '../../shared/lesson';
import type { PageEvent } from '../../shared/messages';
import { ANSWERED_AT_HUB } from '../../shared/visit-request';

const HUB = 'https://hub.school.example';
const lesson = (id: string, minutes = 30): Lesson => ({
  id,
  name: 'Volcanoes',
  mode: 'focus',
  sites: ['volcano.example.org'],
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  endsAt: new Date(Date.now() + minutes * 60_000).toISOString(),
  teacher: 'Ms Khan',
});
const FIRST = '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f';
const SECOND = '7a2d3c2f-3b5c-4d4e-8f90-1b2c3d4e5f60';
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const snapshot = (overrides: Partial<Snapshot> = {}): Snapshot => ({
  pupil: { name: 'Ava' },
  classId: 1,
  keyStage: 'ks2',
  lesson: null,
  grants: [],
  schoolSites: [],
  answers: [],
  keywords: [],
  ...overrides,
});

async function useHub(fields: Record<string, unknown> = {}) {
  await fakeBrowser.storage.managed.set({
    hubUrl: HUB,
    enrolmentToken: 'school-token-123',
    ks2Sites: ['scratch.mit.edu'],
    ...fields,
  });
  await refreshManagedState();
}

let dnr: FakeDnr;
beforeEach(async () => {
  dnr = installFakeExtension();
  onPolicyChange(() => undefined);
  await database.visitRequests.clear();
});

const allowedDomains = () =>
  dnr.rules.flatMap((rule) =>
    rule.action.type === 'allow' ? (rule.condition.requestDomains ?? []) : [],
  );
const allowedFilters = () =>
  dnr.rules.flatMap((rule) => (rule.action.type === 'allow' ? [rule.condition.urlFilter] : []));

describe('messages from the hub', () => {
  it('stores a started lesson and asks for the rules to be rebuilt', async () => {
    const rebuilt = vi.fn();
    onPolicyChange(rebuilt);
    await handleHubMessage({ type: 'lesson.start', lesson: lesson(FIRST) }, HUB);
    expect((await readLesson())?.id).toBe(FIRST);
    expect(rebuilt).toHaveBeenCalledTimes(1);
  });

  it("ends only the lesson it names, and converges on the hub's snapshot", async () => {
    await handleHubMessage({ type: 'lesson.start', lesson: lesson(FIRST) }, HUB);
    await handleHubMessage({ type: 'lesson.end', lessonId: SECOND }, HUB);
    expect((await readLesson())?.id).toBe(FIRST);
    await handleHubMessage({ type: 'lesson.end', lessonId: FIRST }, HUB);
    expect(await readLesson()).toBeNull();

    await handleHubMessage(
      { type: 'snapshot', snapshot: snapshot({ lesson: lesson(SECOND) }) },
      HUB,
    );
    expect((await readLesson())?.id).toBe(SECOND);
    await handleHubMessage({ type: 'snapshot', snapshot: snapshot({ lesson: null }) }, HUB);
    expect(await readLesson()).toBeNull();
  });
});

describe("the hub's state for this pupil", () => {
  it('is stored from a snapshot and enforced: key stage, school sites and grants', async () => {
    await useHub({ keyStage: 'ks1' });
    const grant = { requestId: FIRST, site: '=www.youtube.com', until: inMinutes(20) };
    await handleHubMessage(
      {
        type: 'snapshot',
        snapshot: snapshot({ schoolSites: ['school-added.example.org'], grants: [grant] }),
      },
      HUB,
    );
    const state = await readHubState();
    expect(state).toMatchObject({
      hubUrl: HUB,
      keyStage: 'ks2',
      schoolSites: ['school-added.example.org'],
      grants: [grant],
      pupil: { name: 'Ava', classId: 1 },
    });
    expect(Date.now() - Date.parse(state?.receivedAt ?? '')).toBeLessThan(5_000);

    await syncRules();
    // The class's key stage outranks the managed one.
    expect((await currentPolicy()).policy.keyStageSource).toBe('hub');
    expect(allowedDomains()).toEqual(
      expect.arrayContaining(['scratch.mit.edu', 'school-added.example.org']),
    );
    expect(allowedFilters()).toContain('|https://www.youtube.com^');
  });

  it('is dropped, lesson and all, when the school removes the hub from managed policy', async () => {
    await useHub();
    const grant = { requestId: FIRST, site: '=www.youtube.com', until: inMinutes(20) };
    await handleHubMessage(
      { type: 'snapshot', snapshot: snapshot({ grants: [grant], lesson: lesson(SECOND) }) },
      HUB,
    );
    await syncRules();
    expect(allowedFilters()).toContain('|https://www.youtube.com^');

    await fakeBrowser.storage.managed.set({ ks2Sites: ['scratch.mit.edu'] });
    await fakeBrowser.storage.managed.remove(['hubUrl', 'enrolmentToken']);
    const managed = await refreshManagedState();
    // Even before it is dropped, state from a hub the school no longer names counts for nothing.
    await syncRules();
    expect(allowedFilters()).not.toContain('|https://www.youtube.com^');
    expect((await currentPolicy()).policy.keyStageSource).not.toBe('hub');

    await forgetRemovedHub(managed.fields);
    expect(await readHubState()).toBeNull();
    expect(await readLesson()).toBeNull();
  });

  it('keeps a lesson given without any hub (none to forget)', async () => {
    await handleHubMessage({ type: 'lesson.start', lesson: lesson(FIRST) }, HUB);
    await forgetRemovedHub({});
    expect((await readLesson())?.id).toBe(FIRST);
  });

  it('sets the policy-change alarm at the earliest of the lesson end and the grants', async () => {
    await useHub();
    const volcanoes = { ...lesson(FIRST, 40), mode: 'add' as const };
    const grants = [
      { requestId: FIRST, site: '=a.example', until: inMinutes(50) },
      { requestId: SECOND, site: '=b.example', until: inMinutes(25) },
    ];
    await handleHubMessage(
      { type: 'snapshot', snapshot: snapshot({ lesson: volcanoes, grants }) },
      HUB,
    );
    await syncRules();
    await schedulePolicyChange((await currentPolicy()).changesAt);
    expect((await fakeBrowser.alarms.get(POLICY_CHANGE_ALARM))?.scheduledTime).toBe(
      Date.parse(grants[1]?.until ?? '') + 1_000,
    );

    // Without that grant, the lesson's end comes first.
    await handleHubMessage(
      { type: 'snapshot', snapshot: snapshot({ lesson: volcanoes, grants: grants.slice(0, 1) }) },
      HUB,
    );
    await syncRules();
    await schedulePolicyChange((await currentPolicy()).changesAt);
    expect((await fakeBrowser.alarms.get(POLICY_CHANGE_ALARM))?.scheduledTime).toBe(
      Date.parse(volcanoes.endsAt) + 1_000,
    );
  });
});

describe("the hub's answers", () => {
  it('answer pending requests and tell the block page, only after the rules are rebuilt', async () => {
    await useHub();
    const allowed = await storeVisitRequest('https://www.youtube.com/watch?v=1', 'Vikings');
    const denied = await storeVisitRequest('https://games.example/', '');
    const order: string[] = [];
    onPolicyChange(async () => {
      order.push('rebuilt');
    });
    const events: PageEvent[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      order.push('told');
      events.push(message as PageEvent);
    });
    const answers = [
      { id: allowed.id, status: 'allowed' as const, answeredAt: '2026-11-22T10:00:00.000Z' },
      { id: denied.id, status: 'denied' as const, answeredAt: '2026-11-22T10:01:00.000Z' },
    ];
    await handleHubMessage({ type: 'snapshot', snapshot: snapshot({ answers }) }, HUB);

    expect(await database.visitRequests.get(allowed.id)).toMatchObject({
      status: 'approved',
      answeredBy: ANSWERED_AT_HUB,
      answeredAt: '2026-11-22T10:00:00.000Z',
    });
    expect((await database.visitRequests.get(denied.id))?.status).toBe('denied');
    expect(events).toEqual([
      { event: 'visitRequest.answered', id: allowed.id, status: 'approved' },
      { event: 'visitRequest.answered', id: denied.id, status: 'denied' },
    ]);
    expect(order[0]).toBe('rebuilt');

    // The same snapshot again changes nothing and tells nobody again.
    await handleHubMessage({ type: 'snapshot', snapshot: snapshot({ answers }) }, HUB);
    expect(events).toHaveLength(2);
  });

  it('leave a request a teacher already answered on the options page as it is', async () => {
    await useHub();
    const request = await storeVisitRequest('https://games.example/', '');
    await answerVisitRequest(request.id, 'denied', 'Ms Patel');
    const answers = [
      { id: request.id, status: 'allowed' as const, answeredAt: '2026-11-22T10:00:00.000Z' },
    ];
    await handleHubMessage({ type: 'snapshot', snapshot: snapshot({ answers }) }, HUB);
    expect(await database.visitRequests.get(request.id)).toMatchObject({
      status: 'denied',
      answeredBy: 'Ms Patel',
    });
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
    const first = await deviceToken(HUB, 'school-token', 'ava@school.example');
    expect(await deviceToken(HUB, 'school-token', 'ava@school.example')).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    const body = JSON.parse(fetch.mock.calls[0]?.[1].body ?? '{}');
    expect(body).toMatchObject({ enrolmentToken: 'school-token', email: 'ava@school.example' });
    expect(body.deviceId).toMatch(/^[0-9a-f-]{36}$/);

    await deviceToken(HUB, 'school-token', 'ben@school.example');
    expect(fetch).toHaveBeenCalledTimes(2);
    // The device id never changes, whoever signs in.
    const second = JSON.parse(fetch.mock.calls[1]?.[1].body ?? '{}');
    expect(second.deviceId).toBe(body.deviceId);
    expect(await fakeBrowser.storage.local.get('deviceId')).toEqual({ deviceId: body.deviceId });
  });
});
