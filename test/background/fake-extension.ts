// The worker tier's stand-in browser: @webext-core/fake-browser for storage, runtime and
// events, plus what it lacks that the worker uses: runtime.getURL, i18n, the chrome.* adapter's
// calls (declarativeNetRequest, scripting), a tab's top frame (the keyword prompt), and for
// Flag It the context menu, the commands, muting and capturing a tab. Real-browser behaviour
// is proven in test/e2e.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

export const EXTENSION_ORIGIN = 'chrome-extension://extension-id/';

export interface FakeDnr {
  rules: chrome.declarativeNetRequest.Rule[];
  updates: number;
  scripts: chrome.scripting.RegisteredContentScript[];
  /** Every chrome.scripting.executeScript call, in order. */
  injections: { target: { tabId: number }; func: (...args: never[]) => void; args: unknown[] }[];
  /** Every executeScript call that injected files (the keyword prompt), in order. */
  fileInjections: { target: { tabId: number; documentIds?: string[] }; files: string[] }[];
  /** Set to make executeScript fail, as it does on a page Chrome won't let extensions script. */
  injectionError: Error | null;
  /** The windows whose visible tab was captured, in order. */
  captures: number[];
  /** Every context menu item created. */
  menus: Record<string, unknown>[];
  /** The account chrome.identity says is signed in to Chrome; '' for nobody. */
  profileEmail: string;
  /** What chrome.extension.isAllowedIncognitoAccess answers. */
  incognitoAllowed: boolean;
  /** chrome.identity.onSignInChanged, for a test to fire. */
  signInChanged: ReturnType<typeof fakeEvent>;
}

/** An event the test can fire, with the listeners the worker added. */
function fakeEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => {
      const index = listeners.indexOf(listener);
      if (index >= 0) listeners.splice(index, 1);
    },
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: async (...args: Parameters<Listener>) =>
      Promise.all(listeners.map((listener) => listener(...args))),
  };
}

/** A small JPEG data URL, as captureVisibleTab answers. */
export const FAKE_SCREENSHOT = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA==';

export function installFakeExtension(): FakeDnr {
  fakeBrowser.reset();
  fakeBrowser.runtime.getURL = (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`;
  const dnr: FakeDnr = {
    rules: [],
    updates: 0,
    scripts: [],
    injections: [],
    fileInjections: [],
    injectionError: null,
    captures: [],
    menus: [],
    profileEmail: 'pupil@school.example',
    incognitoAllowed: false,
    signInChanged: fakeEvent(),
  };
  // Keys stand in for the words, so a test can tell which string was used.
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  // The fake's windows have no "last focused" one until a test focuses one: window 0 is it.
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  Object.assign(fakeBrowser.tabs, {
    query: (info: Parameters<typeof query>[0]) => {
      const { lastFocusedWindow, ...rest } = info;
      return query(lastFocusedWindow ? { ...rest, windowId: 0 } : rest);
    },
    captureVisibleTab: async (windowId: number) => {
      dnr.captures.push(windowId);
      return FAKE_SCREENSHOT;
    },
  });
  // A tab's top document is the one its address shows, named after the tab and the address.
  Object.assign(fakeBrowser.webNavigation, {
    getFrame: async ({ tabId }: { tabId: number }) => {
      const tab = await fakeBrowser.tabs.get(tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      return { url: tab.url, documentId: `${tabId} ${tab.url}`, frameId: 0, parentFrameId: -1 };
    },
  });
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: (properties: Record<string, unknown>) => {
        dnr.menus.push(properties);
        return properties.id;
      },
      removeAll: async () => {
        dnr.menus = [];
      },
      onClicked: fakeEvent(),
    },
    commands: {
      getAll: async () => [{ name: 'flag-it', shortcut: 'Alt+Shift+F' }],
      onCommand: fakeEvent(),
    },
  });
  vi.stubGlobal('chrome', {
    // Who is signed in (background/chrome-adapter.ts): a pupil, unless a test says nobody.
    identity: {
      AccountStatus: { ANY: 'ANY', SYNC: 'SYNC' },
      getProfileUserInfo: async () => ({ email: dnr.profileEmail, id: '' }),
      onSignInChanged: dnr.signInChanged,
    },
    extension: { isAllowedIncognitoAccess: async () => dnr.incognitoAllowed },
    // The download guard's listener (chrome-adapter.ts); test/background/download-guard.test.ts
    // calls the guard itself.
    downloads: { onDeterminingFilename: fakeEvent() },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        dnr.scripts.filter((script) => ids.includes(script.id)),
      registerContentScripts: async (scripts: chrome.scripting.RegisteredContentScript[]) => {
        dnr.scripts.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        dnr.scripts = dnr.scripts.filter((script) => !ids.includes(script.id));
      },
      executeScript: async (
        injection: FakeDnr['injections'][number] | FakeDnr['fileInjections'][number],
      ) => {
        if (dnr.injectionError) throw dnr.injectionError;
        if ('files' in injection) dnr.fileInjections.push(injection);
        else dnr.injections.push(injection);
        return [];
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

type Trigger = { trigger: (...args: unknown[]) => Promise<unknown> };

/** The fake's context menu and commands events, with a trigger for tests. */
export const fakeFlagEvents = () =>
  fakeBrowser as unknown as {
    contextMenus: { onClicked: Trigger };
    commands: { onCommand: Trigger };
  };

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
