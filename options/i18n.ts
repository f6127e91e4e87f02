// Every visible string on the options page comes from _locales (en_GB first); a missing key
// shows its name, so a gap is obvious rather than silently blank.
import browser from 'webextension-polyfill';

export const t = (key: string, substitutions?: string | string[]): string =>
  browser.i18n.getMessage(key, substitutions) || key;
