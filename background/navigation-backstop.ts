// The backstop for pages declarativeNetRequest never judged. Most are caught by the backstop
// content script (backstop-script.ts); this covers the rest: a same-document pushState that
// walks a path-limited KS1 entry onto another path, and tabs already open on a site when a
// policy change takes it off the list.
import browser, { type WebNavigation } from 'webextension-polyfill';
import type { Verdict } from '../shared/url-verdict';
import { blockPageFor } from './block-page-url';
import { currentPolicy } from './rule-sync';

export const HISTORY_FILTER: WebNavigation.EventUrlFilters = {
  url: [{ schemes: ['http', 'https'] }],
};

/** The block page for a URL the current policy doesn't allow, or null when it is allowed. */
export async function blockPageIfBlocked(url: string): Promise<string | null> {
  const { policy, judge } = await currentPolicy();
  const verdict: Verdict = judge(url);
  return verdict.allowed ? null : blockPageFor(url, verdict.reason, policy.keyStage);
}

/** Whether the current policy opens a URL: Block It's question about a link in a message. */
export async function isAllowed(url: string): Promise<boolean> {
  const { judge } = await currentPolicy();
  return judge(url).allowed;
}

export async function checkHistoryUpdate(
  details: WebNavigation.OnHistoryStateUpdatedDetailsType,
): Promise<void> {
  // A frame's history can't be redirected on its own; its next real navigation meets DNR.
  if (details.frameId !== 0) return;
  const blockPage = await blockPageIfBlocked(details.url);
  if (blockPage) await browser.tabs.update(details.tabId, { url: blockPage });
}

/** After a policy change, sends every open tab that is no longer allowed to the block page. */
export async function sweepOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    const blockPage = await blockPageIfBlocked(tab.url);
    if (blockPage) await browser.tabs.update(tab.id, { url: blockPage });
  }
}
