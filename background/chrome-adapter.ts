// The one place that reaches chrome.* directly: webextension-polyfill has no
// declarativeNetRequest, so these calls are wrapped here and everything else uses `browser`.
import type { DnrRule } from '../shared/dnr-types';

export const dnr = {
  getDynamicRules: (): Promise<chrome.declarativeNetRequest.Rule[]> =>
    chrome.declarativeNetRequest.getDynamicRules(),
  replaceDynamicRules: async (rules: readonly DnrRule[]): Promise<void> => {
    const existing = await chrome.declarativeNetRequest.getDynamicRules();
    // One call removes the old set and adds the new one, so Chrome swaps them atomically:
    // there is no moment with neither set installed.
    await chrome.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: existing.map((rule) => rule.id),
      addRules: rules as chrome.declarativeNetRequest.Rule[],
    });
  },
};

/**
 * chrome.scripting (not wrapped by webextension-polyfill 0.12): the dynamic content scripts, the
 * one-off cover a flag puts over its page (flag/cover-page.ts), and the keyword prompt injected
 * into a page that matched (keywords/keyword-prompt-injection.ts).
 */
export const scripting = {
  getRegisteredContentScripts: (ids: string[]) =>
    chrome.scripting.getRegisteredContentScripts({ ids }),
  registerContentScripts: (scripts: chrome.scripting.RegisteredContentScript[]) =>
    chrome.scripting.registerContentScripts(scripts),
  unregisterContentScripts: (ids: string[]) => chrome.scripting.unregisterContentScripts({ ids }),
  executeScript: <Args extends unknown[]>(injection: {
    target: { tabId: number };
    func: (...args: Args) => void;
    args: Args;
  }): Promise<unknown> => chrome.scripting.executeScript(injection),
  injectFiles: (injection: {
    target: chrome.scripting.InjectionTarget;
    files: string[];
  }): Promise<unknown> => chrome.scripting.executeScript(injection),
};

/**
 * chrome.downloads.onDeterminingFilename (webextension-polyfill 0.12 lacks it): the download
 * guard names or cancels every file before Chrome writes it. The listener returns true, so
 * Chrome waits for `suggest` to be called later, after the worker is ready.
 */
export const downloadEvents = {
  onDeterminingFilename: (
    listener: (
      item: chrome.downloads.DownloadItem,
      suggest: (suggestion?: chrome.downloads.FilenameSuggestion) => void,
    ) => true,
  ) => chrome.downloads.onDeterminingFilename.addListener(listener),
};

/**
 * chrome.identity (the polyfill doesn't cover it): the account signed in to Chrome, with
 * `accountStatus: ANY` so a managed account that isn't syncing still counts. An API that is
 * missing or fails reads as nobody signed in (fail closed: the strictest key stage).
 */
export const identity = {
  profileEmail: async (): Promise<string> => {
    try {
      const info = await chrome.identity.getProfileUserInfo({
        accountStatus: chrome.identity.AccountStatus.ANY,
      });
      return info.email.trim().toLowerCase();
    } catch (error) {
      console.warn('chrome.identity could not say who is signed in', error);
      return '';
    }
  },
  /** Not every platform fires it (ChromeOS signs the one account in for the whole session). */
  onSignInChanged: (listener: () => void): void => {
    chrome.identity?.onSignInChanged?.addListener(listener);
  },
};

/** Whether the extension, and so its rules, also run in incognito windows. */
export const incognitoAccess = (): Promise<boolean> => chrome.extension.isAllowedIncognitoAccess();
