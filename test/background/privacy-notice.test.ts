import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import { refreshManagedState } from '../../background/policy-store';
import { privacyNotice } from '../../background/privacy-notice';
import { syncRules } from '../../background/rule-sync';

/** The school's policy as the worker would have it after a managed-policy change. */
async function givePolicy(policy: Record<string, unknown>): Promise<void> {
  await fakeBrowser.storage.managed.set(policy);
  await refreshManagedState();
  await syncRules();
}

beforeEach(() => {
  installFakeExtension();
});

describe('privacyNotice', () => {
  it('says what a school with no choices made gets: KS1, no pictures, no hub, 7 days', async () => {
    await givePolicy({});
    expect(await privacyNotice()).toEqual({
      keyStage: 'ks1',
      screenshots: false,
      hub: false,
      deviceRecordDays: 7,
    });
  });

  it("follows the school's key stage, screenshot switch, hub and retention period", async () => {
    await givePolicy({
      keyStage: 'ks2',
      flagScreenshots: true,
      hubUrl: 'https://hub.school.example',
      deviceRecordDays: 30,
    });
    expect(await privacyNotice()).toEqual({
      keyStage: 'ks2',
      screenshots: true,
      hub: true,
      deviceRecordDays: 30,
    });
  });

  it('says no pictures when the school set the switch to false', async () => {
    await givePolicy({ keyStage: 'ks2', flagScreenshots: false });
    expect((await privacyNotice()).screenshots).toBe(false);
  });
});
