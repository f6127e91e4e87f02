// Keeps the keyword watch in step with the device's list: the worker listens to tabs only while
// there are keywords (tab-listening.ts), and forgets what it did in each tab when the list
// empties. It also clears away the content script that used to do the watching: an older
// version registered it with persistAcrossSessions, so it would outlive the update and go on
// costing every page load, and it left the list beside it in storage.local.
import browser from 'webextension-polyfill';
import { scripting } from '../chrome-adapter';
import { deviceKeywords } from './device-keywords';
import { forgetAllTabs } from './keyword-tab-state';
import { setTabListening } from './tab-listening';

/** The retired content script's id, and its copy of the list; never to be used again. */
export const RETIRED_WATCH_SCRIPT = 'keyword-watch';
export const RETIRED_WATCH_LIST_KEY = 'keywordWatchList';

async function removeRetiredWatch(): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts([RETIRED_WATCH_SCRIPT]);
  if (existing.length > 0) await scripting.unregisterContentScripts([RETIRED_WATCH_SCRIPT]);
  await browser.storage.local.remove(RETIRED_WATCH_LIST_KEY);
}

export async function syncKeywordWatch(): Promise<void> {
  await removeRetiredWatch();
  const listed = (await deviceKeywords()).length > 0;
  setTabListening(listed);
  if (!listed) await forgetAllTabs();
}
