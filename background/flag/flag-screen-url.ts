// The flag screen (extension/flag.html): where a flagged tab goes instead of the page that
// upset the pupil. It carries only the flag's id and the key stage, never the page's address.
import browser from 'webextension-polyfill';
import type { KeyStage } from '../../shared/policy-model';

export const FLAG_SCREEN_PATH = 'extension/flag.html';

export const flagScreenUrl = (id: string, keyStage: KeyStage): string =>
  `${browser.runtime.getURL(FLAG_SCREEN_PATH)}?${new URLSearchParams({ id, ks: keyStage })}`;

/** The flag a tab already shows on the flag screen, so pressing again there makes no new one. */
export function flagOnScreen(url: string): string | null {
  const base = browser.runtime.getURL(FLAG_SCREEN_PATH);
  if (!url.startsWith(base)) return null;
  return new URLSearchParams(url.slice(base.length).split('#')[0]).get('id');
}
