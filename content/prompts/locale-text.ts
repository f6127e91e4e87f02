// The prompts' words, straight from chrome.i18n (no polyfill on every page). A missing key shows
// as itself, which the locale build test stops from ever shipping.
export const text = (key: string, substitutions?: string | string[]): string =>
  chrome.i18n.getMessage(key, substitutions) || key;
