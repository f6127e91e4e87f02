// Keyword monitoring (DfE: live keyword monitoring), done in the worker: each web tab's
// address and title, as Chrome reports their changes, are matched against the device's list.
// Pages load nothing for it (as a content script it cost every page load about 2.5 ms of main
// thread); only a page that matched gets the prompt. It looks at what the pupil searched for
// (the address's search parameters) and the page's title, never the page's text, and the alert
// holds only the keyword and the address.
import type { Tabs } from 'webextension-polyfill';
import {
  createKeywordMatcher,
  isAddressTitle,
  searchTerms,
  type KeywordMatcher,
} from '../../shared/keyword-match';
import { createSerialQueue } from '../serial-queue';
import { recordKeywordAlert, type KeywordMatch } from './keyword-alerts';
import { promptInTab } from './keyword-prompt-injection';
import { copyKeywordList } from './keyword-watch-sync';
import { forgetTab, readWatchState, writeTabs } from './keyword-watch-state';
import { setTabListening } from './tab-listening';

const MAX_URL = 2048;

// A cache, not state: a restarted worker compiles the list again.
let compiled: { list: string; matcher: KeywordMatcher } | undefined;

function matcherFor(keywords: readonly string[]): KeywordMatcher {
  const list = keywords.join('\n');
  if (compiled?.list !== list) compiled = { list, matcher: createKeywordMatcher(keywords) };
  return compiled.matcher;
}

// A search's address and its title come a moment apart: each reads the tab's record only after
// the one before has written it.
const serially = createSerialQueue();

const isWebPage = (url: string) => /^https?:\/\//i.test(url);

/** The changes the watch looks at; every other (loading, favicon, sound) costs nothing. */
export const watchesChange = (change: Tabs.OnUpdatedChangeInfoType): boolean =>
  change.url !== undefined || change.title !== undefined;

function matchesIn(
  matcher: KeywordMatcher,
  change: Tabs.OnUpdatedChangeInfoType,
  url: string,
): Omit<KeywordMatch, 'url'>[] {
  const found: Omit<KeywordMatch, 'url'>[] = [];
  if (change.url !== undefined) {
    for (const term of searchTerms(url)) {
      for (const keyword of matcher.find(term)) found.push({ keyword, where: 'search' });
    }
  }
  const { title } = change;
  if (title !== undefined && !isAddressTitle(title, url)) {
    for (const keyword of matcher.find(title)) found.push({ keyword, where: 'title' });
  }
  return found;
}

/** The fresh matches, recorded, and whether this address is yet to see the prompt. */
async function check(
  tabId: number,
  change: Tabs.OnUpdatedChangeInfoType,
  url: string,
): Promise<{ recorded: boolean; prompt: boolean }> {
  const none = { recorded: false, prompt: false };
  // One read for the list and the tabs' records: this runs for every page a pupil opens.
  const { keywords: copied, tabs } = await readWatchState();
  // No copy yet (the browser has just started): read the list from its sources once.
  const keywords = copied ?? (await copyKeywordList());
  if (keywords.length === 0) {
    // The list emptied while the worker slept: stop being woken for tabs.
    setTabListening(false);
    return none;
  }
  const stored = tabs[tabId];
  const state = stored?.url === url ? stored : { url, reported: [], prompted: false };
  const fresh: Omit<KeywordMatch, 'url'>[] = [];
  if (isWebPage(url)) {
    for (const match of matchesIn(matcherFor(keywords), change, url)) {
      const seen = state.reported.includes(match.keyword);
      if (!seen && !fresh.some(({ keyword }) => keyword === match.keyword)) fresh.push(match);
    }
  }
  if (fresh.length === 0) {
    // The tab has moved on: what it held was about the address before.
    if (stored && stored !== state) {
      delete tabs[tabId];
      await writeTabs(tabs);
    }
    return none;
  }
  let recorded = false;
  for (const match of fresh) {
    if (await recordKeywordAlert({ ...match, url: url.slice(0, MAX_URL) })) recorded = true;
  }
  tabs[tabId] = {
    url,
    reported: [...state.reported, ...fresh.map(({ keyword }) => keyword)],
    prompted: true,
  };
  await writeTabs(tabs);
  return { recorded, prompt: !state.prompted };
}

/**
 * Looks at a tab's new address or title: each keyword is reported once for each address the
 * tab shows, and the prompt shown once. `alerted` hears of a recorded alert before the prompt
 * is shown, so the outbox needn't wait for the page to be idle.
 */
export async function watchTabChange(
  tabId: number,
  change: Tabs.OnUpdatedChangeInfoType,
  tab: Tabs.Tab,
  alerted: () => void,
): Promise<void> {
  const url = tab.url ?? '';
  const { recorded, prompt } = await serially(() => check(tabId, change, url));
  if (recorded) alerted();
  if (prompt) await promptInTab(tabId, url);
}

/** A closed tab's record goes with it. */
export const forgetClosedTab = (tabId: number): Promise<void> => serially(() => forgetTab(tabId));
