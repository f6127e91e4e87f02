// The block page's words, read straight from chrome.i18n: the one place a pupil page skips
// webextension-polyfill, because loading it delayed every blocked navigation and getMessage is
// synchronous anyway. Everything the page does after a press goes through the polyfill
// (actions.ts), loaded only then.
export const text = (key: string, substitutions?: string | string[]): string =>
  chrome.i18n.getMessage(key, substitutions) || key;
