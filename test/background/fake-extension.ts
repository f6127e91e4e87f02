// The worker tier's stand-in browser: @webext-core/fake-browser for storage, runtime and
// events, plus the two things it lacks that the worker uses (runtime.getURL and the
// chrome.declarativeNetRequest adapter's calls). Real-browser behaviour is proven in test/e2e.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

export const EXTENSION_ORIGIN = 'chrome-extension://extension-id/';

export interface FakeDnr {
  rules: chrome.declarativeNetRequest.Rule[];
  updates: number;
  scripts: chrome.scripting.RegisteredContentScript[];
}

export function installFakeExtension(): FakeDnr {
  fakeBrowser.reset();
  fakeBrowser.runtime.getURL = (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`;
  const dnr: FakeDnr = { rules: [], updates: 0, scripts: [] };
  vi.stubGlobal('chrome', {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        dnr.scripts.filter((script) => ids.includes(script.id)),
      registerContentScripts: async (scripts: chrome.scripting.RegisteredContentScript[]) => {
        dnr.scripts.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        dnr.scripts = dnr.scripts.filter((script) => !ids.includes(script.id));
      },
    },
    declarativeNetRequest: {
      getDynamicRules: async () => structuredClone(dnr.rules),
      updateDynamicRules: async (options: chrome.declarativeNetRequest.UpdateRuleOptions) => {
        const removed = new Set(options.removeRuleIds ?? []);
        dnr.rules = [
          ...dnr.rules.filter((rule) => !removed.has(rule.id)),
          ...(options.addRules ?? []),
        ];
        dnr.updates++;
      },
    },
  });
  return dnr;
}

export const optionsSender = {
  id: fakeBrowser.runtime.id,
  url: `${EXTENSION_ORIGIN}options/index.html`,
};
export const blockPageSender = {
  id: fakeBrowser.runtime.id,
  url: `${EXTENSION_ORIGIN}extension/blocked.html?ks=ks2&why=list#https://x.example/`,
};
export const contentSender = {
  id: fakeBrowser.runtime.id,
  url: 'https://www.bbc.co.uk/',
  tab: { id: 4, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};

export { fakeBrowser };
