// Keeps the keyword watch in step with the device's list, each time the policy is enforced: the
// watch's copy of the list (keyword-watch-state.ts), the tab listeners (on only while there are
// keywords, tab-listening.ts), and what it did in each tab, forgotten when the list empties.
import browser from 'webextension-polyfill';
import { scripting } from '../chrome-adapter';
import { deviceKeywords } from './device-keywords';
import { forgetAllTabs, storeKeywordList } from './keyword-watch-state';
import { setTabListening } from './tab-listening';

/** The retired content script's id, and its copy of the list; never to be used again. */
export const RETIRED_WATCH_SCRIPT = 'keyword-watch';
export const RETIRED_WATCH_LIST_KEY = 'keywordWatchList';

/**
 * Clears away the content script that used to do the watching, on install and update: an older
 * version registered it with persistAcrossSessions, so it would outlive the update and go on
 * costing every page load, and it left the list beside it in storage.local.
 */
export async function removeRetiredWatch(): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts([RETIRED_WATCH_SCRIPT]);
  if (existing.length > 0) await scripting.unregisterContentScripts([RETIRED_WATCH_SCRIPT]);
  await browser.storage.local.remove(RETIRED_WATCH_LIST_KEY);
}

/** The device's list, read from its sources and copied for the watch. */
export async function copyKeywordList(): Promise<string[]> {
  const keywords = await deviceKeywords();
  await storeKeywordList(keywords);
  return keywords;
}

export async function syncKeywordWatch(): Promise<void> {
  const listed = (await copyKeywordList()).length > 0;
  setTabListening(listed);
  if (!listed) await forgetAllTabs();
}
