// What the keyword watch has done in each tab for the address it shows: the keywords it
// reported there and whether it showed the prompt. In storage.session rather than a global:
// the worker may stop between a search and the title that follows it, and must not report or
// ask twice when it wakes. A tab's entry is dropped when it closes or moves to a new address,
// and every entry when the list empties. Callers run one at a time (tab-keyword-watch.ts):
// each read is followed by a write of the whole record.
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
type KeywordTabs = z.infer<typeof tabsSchema>;

async function readTabs(): Promise<KeywordTabs> {
  const stored = await browser.storage.session.get(SESSION_KEYS.keywordTabs);
  const parsed = tabsSchema.safeParse(stored[SESSION_KEYS.keywordTabs]);
  return parsed.success ? parsed.data : {};
}

const writeTabs = (tabs: KeywordTabs) =>
  Object.keys(tabs).length > 0
    ? browser.storage.session.set({ [SESSION_KEYS.keywordTabs]: tabs })
    : browser.storage.session.remove(SESSION_KEYS.keywordTabs);

export async function readTabState(tabId: number): Promise<KeywordTabState | undefined> {
  return (await readTabs())[tabId];
}

export async function writeTabState(tabId: number, state: KeywordTabState): Promise<void> {
  await writeTabs({ ...(await readTabs()), [tabId]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  const tabs = await readTabs();
  if (!(tabId in tabs)) return;
  delete tabs[tabId];
  await writeTabs(tabs);
}

export async function forgetAllTabs(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEYS.keywordTabs);
}
