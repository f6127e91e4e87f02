// The worker's side of identity and health: who is signed in decides the key stage at a hub
// school (and the pupil pages' note), and the health report says what the device enforces.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import { FakeSocket, installFakeSocket, lastSocket } from './fake-socket';
import { buildHealth, sendHealth } from '../../background/health/health-report';
import {
  connectToHub,
  onPolicyChange,
  reconnectForIdentity,
} from '../../background/hub-link/hub-client';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import { syncIdentityNote } from '../../background/identity-note';
import { refreshManagedState } from '../../background/policy-store';
import { currentPolicy, syncRules } from '../../background/rule-sync';
import { deviceToHubSchema } from '../../shared/hub-protocol';
import { IDENTITY_NOTE_KEY } from '../../shared/identity-note';

const HUB = 'https://hub.school.example';

let dnr: FakeDnr;
beforeEach(async () => {
  dnr = installFakeExtension();
  installFakeSocket();
  onPolicyChange(() => undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        deviceToken: 'device-token-0123456789',
        assigned: true,
        pupil: { name: 'Ava', classId: 1, keyStage: 'ks2' },
      }),
    ),
  );
  await fakeBrowser.storage.managed.set({
    hubUrl: HUB,
    enrolmentToken: 'school-token-123',
    keyStage: 'ks2',
    ks2Sites: ['scratch.mit.edu'],
    ks1Sites: ['www.phonicsplay.co.uk'],
  });
  await refreshManagedState();
});

afterEach(() => {
  FakeSocket.opened.at(-1)?.close();
  vi.restoreAllMocks();
});

const noteShown = async () =>
  (await fakeBrowser.storage.local.get(IDENTITY_NOTE_KEY))[IDENTITY_NOTE_KEY];

describe('identity', () => {
  it('holds a signed-out pupil at a hub school to KS1, with the note, until someone signs in', async () => {
    dnr.profileEmail = '';
    const record = await syncRules();
    const { policy } = await currentPolicy();
    expect(record?.keyStage).toBe('ks1');
    expect(policy.keyStageSource).toBe('not-signed-in');
    await syncIdentityNote(policy);
    expect(await noteShown()).toEqual({ notSignedIn: true });
    // Signed out, the device stays off the hub.
    await connectToHub();
    expect(FakeSocket.opened).toHaveLength(0);

    dnr.profileEmail = 'ava@school.example';
    expect((await syncRules())?.keyStage).toBe('ks2');
    await syncIdentityNote((await currentPolicy()).policy);
    expect(await noteShown()).toEqual({ notSignedIn: false });
  });

  it('treats a chrome.identity that fails as nobody signed in', async () => {
    vi.spyOn(chrome.identity, 'getProfileUserInfo').mockRejectedValue(new Error('no profile'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await syncRules())?.keyStage).toBe('ks1');
  });

  it('closes a socket opened as the last pupil when the account changes', async () => {
    await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
    await connectToHub();
    lastSocket().open();
    await reconnectForIdentity();
    expect(lastSocket().readyState).toBe(FakeSocket.CLOSED);
  });
});

describe('the health report', () => {
  it('says what the device enforces, in the shape the hub checks', async () => {
    dnr.incognitoAllowed = true;
    const record = await syncRules();
    const health = await buildHealth();
    expect(deviceToHubSchema.parse({ type: 'health', health })).toBeTruthy();
    expect(health).toMatchObject({
      policyHash: record?.policyHash,
      keyStage: 'ks2',
      keyStageSource: 'managed',
      ruleCount: dnr.rules.length,
      expectedRuleCount: record?.ruleCount,
      incognitoAllowed: true,
      signedIn: true,
      lastError: null,
      unsafe: [],
    });
    expect(health.lists).toMatchObject({ keyStage: 1, starter: false, lesson: 0 });
    expect(health.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(health.ruleCount).toBe(record?.ruleCount);
  });

  it('reports rules that went missing from Chrome as unsafe', async () => {
    await syncRules();
    dnr.rules = dnr.rules.slice(0, 1);
    expect((await buildHealth()).unsafe).toEqual(['rules-missing']);
  });

  it('goes over the open hub socket, first when it opens', async () => {
    expect(await sendHealth()).toBe(false);
    await syncRules();
    await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
    await connectToHub();
    lastSocket().open();
    await vi.waitFor(() =>
      expect(lastSocket().sent.map((message) => message.type)).toContain('health'),
    );
    expect(await sendHealth()).toBe(true);
    expect(lastSocket().sent.filter((message) => message.type === 'health')).toHaveLength(2);
  });
});
