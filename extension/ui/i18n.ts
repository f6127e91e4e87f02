// Every pupil-facing string comes from _locales (en_GB first); a missing key shows its name,
// which the locale test catches before a pupil ever could.
import browser from 'webextension-polyfill';

export const t = (key: string, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;
