import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import {
  adminAddEntries,
  adminAnswerRequest,
  adminChangePin,
  adminEndImageSearchLift,
  adminLiftImageSearch,
  adminGetState,
  adminRemoveEntry,
  adminSetFirstPin,
  adminSetKeyStage,
  adminUnlock,
} from '../../background/admin-handlers';
import { database } from '../../background/database';
import { recordLiftExpired } from '../../background/image-search-lift';
import { readSettings, refreshManagedState, writeSettings } from '../../background/policy-store';
import { syncRules } from '../../background/rule-sync';
import { STARTER_LISTS } from '../../shared/starter-lists';
import { storeVisitRequest } from '../../background/visit-requests';
import { storeHubState } from '../../background/hub-link/hub-state';
import type { PageEvent } from '../../shared/messages';

let dnr: FakeDnr;

beforeEach(async () => {
  dnr = installFakeExtension();
  await database.visitRequests.clear();
  await database.audit.clear();
});

/** Allowed domains, less the built-in image sources every policy allows. */
const allowedDomains = () =>
  dnr.rules
    .flatMap((rule) => (rule.action.type === 'allow' ? (rule.condition.requestDomains ?? []) : []))
    .filter((domain) => !STARTER_LISTS.imageSources.includes(domain));

describe('the options page flow in the worker', () => {
  it('sets a first PIN, then unlocks only with that PIN', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    await expect(adminSetFirstPin({ pin: '1111', name: 'Pupil' })).rejects.toThrow(
      'A teacher PIN is already set.',
    );
    await expect(adminUnlock({ pin: '1357', name: 'Ms Khan' })).rejects.toThrow(
      'That PIN is not right.',
    );
    await expect(adminUnlock({ pin: '2468', name: 'Ms Khan' })).resolves.toHaveProperty('token');
  }, 20_000);

  it('locks the PIN out after five wrong tries', async () => {
    await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    for (let i = 0; i < 5; i++) {
      await expect(adminUnlock({ pin: '0000', name: 'x' })).rejects.toThrow(
        'That PIN is not right.',
      );
    }
    await expect(adminUnlock({ pin: '2468', name: 'x' })).rejects.toThrow(/Too many wrong PINs/);
  }, 30_000);

  it('refuses every policy change without a live session', async () => {
    const token = 'f'.repeat(48);
    await expect(adminAddEntries({ token, list: 'ks1', text: 'bbc.co.uk' })).rejects.toThrow(
      /session has ended/,
    );
    await expect(adminGetState({ token })).rejects.toThrow(/session has ended/);
  });

  it('keeps the valid lines of an import, reports the bad one, and enforces before answering', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    const result = await adminAddEntries({
      token,
      list: 'ks1',
      text: 'topmarks.co.uk\nbbc co uk\nphonicsplay.co.uk\ntopmarks.co.uk',
    });
    expect(result.added).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.errors).toEqual([
      { line: 2, text: 'bbc co uk', reason: "'bbc co uk' is not a web address" },
    ]);
    expect(allowedDomains()).toEqual(['phonicsplay.co.uk', 'topmarks.co.uk']);

    const state = await adminGetState({ token });
    expect(state.lists.ks1.usingStarter).toBe(false);
    expect(state.lists.ks1.entries[0]).toMatchObject({
      site: 'topmarks.co.uk',
      source: 'local',
      addedBy: 'Ms Khan',
    });
    expect(state.enforcement?.ruleCount).toBe(dnr.rules.length);
  }, 20_000);

  it('locks managed entries and a managed key stage against local edits', async () => {
    await fakeBrowser.storage.managed.set({ keyStage: 'ks2', ks2Sites: ['bbc.co.uk'] });
    await refreshManagedState();
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    await expect(adminRemoveEntry({ token, list: 'ks2', site: 'bbc.co.uk' })).rejects.toThrow(
      /managed policy/,
    );
    await expect(adminSetKeyStage({ token, keyStage: 'ks1' })).rejects.toThrow(/managed policy/);
    expect((await adminGetState({ token })).keyStage).toEqual({ value: 'ks2', source: 'managed' });
  }, 20_000);

  it('turns an approved ask-to-visit request into a teacher approval entry', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Mr Jones' });
    await adminSetKeyStage({ token, keyStage: 'ks2' });
    const request = await storeVisitRequest('https://www.nasa.gov/moon?x=1', 'Space topic');
    await adminAnswerRequest({ token, id: request.id, decision: 'approve' });
    const state = await adminGetState({ token });
    // The exact host asked for, not every subdomain beside it.
    expect(state.lists.ks2.entries).toContainEqual(
      expect.objectContaining({ site: '=www.nasa.gov', source: 'approval', addedBy: 'Mr Jones' }),
    );
    expect(state.requests[0]).toMatchObject({ status: 'approved', answeredBy: 'Mr Jones' });
    expect(dnr.rules.map((rule) => rule.condition.urlFilter)).toContain('|https://www.nasa.gov^');
    await expect(adminAnswerRequest({ token, id: request.id, decision: 'deny' })).rejects.toThrow(
      'This request has already been answered.',
    );
  }, 20_000);

  it("tells a waiting block page the teacher's answer, once it is enforced", async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Mr Jones' });
    const events: { event: PageEvent; rules: number }[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      events.push({ event: message as PageEvent, rules: dnr.updates });
    });
    const yes = await storeVisitRequest('https://www.nasa.gov/moon', '');
    const no = await storeVisitRequest('https://games.example/', '');
    const updatesBefore = dnr.updates;
    await adminAnswerRequest({ token, id: yes.id, decision: 'approve' });
    await adminAnswerRequest({ token, id: no.id, decision: 'deny' });
    expect(events.map(({ event }) => event)).toEqual([
      { event: 'visitRequest.answered', id: yes.id, status: 'approved' },
      { event: 'visitRequest.answered', id: no.id, status: 'denied' },
    ]);
    // The yes went out after the rules that allow the site were installed.
    expect(events[0]?.rules).toBeGreaterThan(updatesBefore);
  }, 20_000);

  it("shows the hub's key stage as set by the class, and locks it", async () => {
    await fakeBrowser.storage.managed.set({
      keyStage: 'ks1',
      hubUrl: 'https://hub.school.example',
      enrolmentToken: 'school-token-123',
    });
    await refreshManagedState();
    await storeHubState('https://hub.school.example', {
      pupil: { name: 'Ava' },
      classId: 1,
      keyStage: 'ks2',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: [],
    });
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    expect((await adminGetState({ token })).keyStage).toEqual({ value: 'ks2', source: 'hub' });
    await expect(adminSetKeyStage({ token, keyStage: 'ks1' })).rejects.toThrow(/classroom hub/);
  }, 20_000);

  it("lists the hub's school sites, locked, after the key stage's own list", async () => {
    await fakeBrowser.storage.managed.set({
      ks2Sites: ['www.bbc.co.uk'],
      hubUrl: 'https://hub.school.example',
      enrolmentToken: 'school-token-123',
    });
    await refreshManagedState();
    await storeHubState('https://hub.school.example', {
      pupil: { name: 'Dev' },
      classId: 2,
      keyStage: 'ks2',
      lesson: null,
      grants: [],
      schoolSites: ['www.nasa.example', 'www.bbc.co.uk'],
      answers: [],
      keywords: [],
    });
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    const { lists } = await adminGetState({ token });
    expect(lists.ks2.entries).toEqual([
      { site: 'www.bbc.co.uk', source: 'managed' },
      { site: 'www.nasa.example', source: 'hub' },
    ]);
    // The hub sends only the pupil's own key stage's sites.
    expect(lists.ks1.entries.some((entry) => entry.source === 'hub')).toBe(false);
  }, 20_000);

  it('refuses to approve a site on the always-blocked list, and leaves the request pending', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Mr Jones' });
    await adminAddEntries({ token, list: 'alwaysBlocked', text: 'games.example' });
    const request = await storeVisitRequest('https://play.games.example/', '');
    await expect(
      adminAnswerRequest({ token, id: request.id, decision: 'approve' }),
    ).rejects.toThrow(/always-blocked list/);
    expect((await adminGetState({ token })).requests[0]?.status).toBe('pending');
  }, 20_000);

  it('changes the PIN only with the current PIN', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    await expect(adminChangePin({ token, currentPin: '1111', pin: '9999' })).rejects.toThrow(
      'The current PIN is not right.',
    );
    await adminChangePin({ token, currentPin: '2468', pin: '9999' });
    await expect(adminUnlock({ pin: '9999', name: 'Ms Khan' })).resolves.toHaveProperty('token');
  }, 20_000);
});

describe('lifting the image-search block', () => {
  const imageRules = () => dnr.rules.filter((rule) => rule.priority === 500);

  it('lifts it for a set time, records who did it, and ends it early on request', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    await syncRules();
    expect(imageRules().length).toBeGreaterThan(0);
    const { until } = await adminLiftImageSearch({ token, minutes: 30 });
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(imageRules()).toEqual([]);
    expect(await fakeBrowser.alarms.get('image-search-lift-ends')).toBeDefined();

    let state = await adminGetState({ token });
    expect(state.imageSearchLift).toEqual({ until, by: 'Ms Khan' });
    expect(state.audit[0]).toMatchObject({ by: 'Ms Khan', action: 'image-search-lifted' });

    await adminEndImageSearchLift({ token });
    expect(imageRules().length).toBeGreaterThan(0);
    state = await adminGetState({ token });
    expect(state.imageSearchLift).toBeNull();
    expect(state.audit.map((entry) => entry.action)).toEqual([
      'image-search-lift-ended',
      'image-search-lifted',
    ]);
  }, 20_000);

  it('ends by itself: an expired lift no longer counts and is recorded as ended on time', async () => {
    const { token } = await adminSetFirstPin({ pin: '2468', name: 'Ms Khan' });
    await writeSettings({
      ...(await readSettings()),
      imageSearchLift: {
        until: new Date(Date.now() - 1_000).toISOString(),
        by: 'Ms Khan',
        at: new Date().toISOString(),
      },
    });
    await recordLiftExpired();
    await syncRules();
    expect(imageRules().length).toBeGreaterThan(0);
    const state = await adminGetState({ token });
    expect(state.imageSearchLift).toBeNull();
    expect(state.audit[0]).toMatchObject({
      action: 'image-search-lift-ended',
      detail: 'ended on time',
    });
  }, 20_000);
});
