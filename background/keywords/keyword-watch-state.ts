// What the keyword watch keeps in storage.session, so a worker stopped between a search and the
// title that follows it neither forgets nor repeats: the list it watches for, and what it has
// done in each tab for the address the tab shows (the keywords reported there, whether it showed
// the prompt). The list is the device's (device-keywords.ts), copied here whenever the policy is
// enforced (keyword-watch-sync.ts): every page load asks the watch, and the list's sources are
// the whole managed policy and hub state, school lists and all, far too much to read each time.
// A tab's entry is dropped when it closes or moves to a new address, and every entry when the
// list empties. Callers run one at a time (tab-keyword-watch.ts): each read is followed by a
// write of the whole record.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { SESSION_KEYS } from '../storage-keys';

const tabStateSchema = z.object({
  url: z.string(),
  reported: z.array(z.string()),
  prompted: z.boolean(),
});
export type KeywordTabState = z.infer<typeof tabStateSchema>;

const tabsSchema = z.record(z.string(), tabStateSchema);
export type KeywordTabs = z.infer<typeof tabsSchema>;

const listSchema = z.array(z.string());

export interface KeywordWatchState {
  /** The list as last copied, or null when none is (a browser just started, say). */
  keywords: string[] | null;
  tabs: KeywordTabs;
}

/** The list and every tab's record, in one read. */
export async function readWatchState(): Promise<KeywordWatchState> {
  const { keywordList, keywordTabs } = SESSION_KEYS;
  const stored = await browser.storage.session.get([keywordList, keywordTabs]);
  const keywords = listSchema.safeParse(stored[keywordList]);
  const tabs = tabsSchema.safeParse(stored[keywordTabs]);
  return {
    keywords: keywords.success ? keywords.data : null,
    tabs: tabs.success ? tabs.data : {},
  };
}

export const writeTabs = (tabs: KeywordTabs) =>
  Object.keys(tabs).length > 0
    ? browser.storage.session.set({ [SESSION_KEYS.keywordTabs]: tabs })
    : browser.storage.session.remove(SESSION_KEYS.keywordTabs);

export async function storeKeywordList(keywords: readonly string[]): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEYS.keywordList]: keywords });
}

export async function forgetTab(tabId: number): Promise<void> {
  const { tabs } = await readWatchState();
  if (!(tabId in tabs)) return;
  delete tabs[tabId];
  await writeTabs(tabs);
}

export async function forgetAllTabs(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEYS.keywordTabs);
}
