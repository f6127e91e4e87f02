import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import { refreshManagedState, writeSettings } from '../../background/policy-store';
import { readEnforcement, syncRules } from '../../background/rule-sync';
import { CIRCUMVENTION_DOMAINS } from '../../shared/circumvention-sites';
import { PIRACY_DOMAINS } from '../../shared/piracy-sites';
import { emptySettings } from '../../shared/policy-model';
import { STARTER_LISTS } from '../../shared/starter-lists';

let dnr: FakeDnr;
beforeEach(() => {
  dnr = installFakeExtension();
});

describe('syncRules', () => {
  it('installs the starter list when there is no policy at all', async () => {
    const record = await syncRules({ force: true });
    expect(record?.keyStage).toBe('ks1');
    expect(dnr.rules.length).toBeGreaterThan(1);
    expect(dnr.rules[0]?.action.type).toBe('redirect');
  });

  it('registers the backstop script everywhere except the allowed sites', async () => {
    await fakeBrowser.storage.managed.set({
      keyStage: 'ks2',
      ks2Sites: ['bbc.co.uk'],
      alwaysBlockedSites: ['https://www.bbc.co.uk/sport/'],
    });
    await refreshManagedState();
    await syncRules();
    expect(dnr.scripts.map((script) => [script.id, script.matches, script.excludeMatches])).toEqual(
      [
        [
          'backstop-outside-allowed',
          ['http://*/*', 'https://*/*'],
          [
            '*://*.bbc.co.uk/*',
            ...STARTER_LISTS.imageSources.map((site) => `*://*.${site}/*`),
          ].sort(),
        ],
        [
          'backstop-always-blocked',
          [
            '*://www.bbc.co.uk/sport/*',
            ...PIRACY_DOMAINS.map((domain) => `*://*.${domain}/*`),
            ...CIRCUMVENTION_DOMAINS.map((domain) => `*://*.${domain}/*`),
          ].sort(),
          undefined,
        ],
      ],
    );
    expect(dnr.scripts[0]?.runAt).toBe('document_start');
    expect(dnr.scripts[0]?.allFrames).toBe(true);
  });

  it('leaves an identical rule set alone', async () => {
    await syncRules();
    await syncRules();
    expect(dnr.updates).toBe(1);
  });

  it('keeps the last good rules when a new policy cannot compile, and records why', async () => {
    await syncRules();
    const before = structuredClone(dnr.rules);
    const settings = emptySettings();
    settings.lists.alwaysBlocked = Array.from({ length: 1_200 }, (_, i) => ({
      site: `pages.example.org/p${i}/`,
      source: 'local' as const,
    }));
    await writeSettings(settings);
    const record = await syncRules();
    expect(dnr.rules).toEqual(before);
    expect(record?.lastError).toMatch(/address patterns but Chrome allows 1000/);
    expect((await readEnforcement())?.lastError).toMatch(/address patterns but Chrome allows 1000/);
  });

  it('applies a managed key stage and keeps the last good one through a bad update', async () => {
    await fakeBrowser.storage.managed.set({ keyStage: 'ks2', ks2Sites: ['bbc.co.uk'] });
    await refreshManagedState();
    expect((await syncRules())?.keyStage).toBe('ks2');
    await fakeBrowser.storage.managed.set({ keyStage: 'year 5' });
    const state = await refreshManagedState();
    expect(state.fields.keyStage).toBe('ks2');
    expect((await syncRules())?.keyStage).toBe('ks2');
  });
});
