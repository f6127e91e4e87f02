// The keyword watch's tab listeners, on only while the device has keywords. Any tabs listener
// makes Chrome wake the worker for every page a pupil opens, and an earlier per-navigation
// listener was measured to slow allowed pages (README "Benchmarks"), so a device with no list
// must not have one. main.ts adds them at its top level, so that Chrome wakes the worker for a
// tab's change while there is a list; keyword-watch-sync.ts takes them off again when there is
// none, and Chrome then stops waking the worker for tabs.
import browser, { type Tabs } from 'webextension-polyfill';

export type TabUpdatedListener = (
  tabId: number,
  change: Tabs.OnUpdatedChangeInfoType,
  tab: Tabs.Tab,
) => void;
export type TabRemovedListener = (tabId: number) => void;

// Set again at the top level of every worker start: no state, only the functions to add.
let listeners: { updated: TabUpdatedListener; removed: TabRemovedListener } | undefined;

/** Called synchronously at the top level of main.ts. */
export function listenToTabs(updated: TabUpdatedListener, removed: TabRemovedListener): void {
  listeners = { updated, removed };
  setTabListening(true);
}

export function setTabListening(on: boolean): void {
  if (!listeners) return;
  const { updated, removed } = listeners;
  if (on && !browser.tabs.onUpdated.hasListener(updated)) {
    browser.tabs.onUpdated.addListener(updated);
    browser.tabs.onRemoved.addListener(removed);
  } else if (!on) {
    browser.tabs.onUpdated.removeListener(updated);
    browser.tabs.onRemoved.removeListener(removed);
  }
}
