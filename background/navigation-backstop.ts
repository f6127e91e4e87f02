// The backstop for navigations declarativeNetRequest never sees. A page served by a site's own
// service worker (or restored from the back/forward cache) commits without a network request,
// and a same-document pushState can walk a path-limited KS1 entry onto another path. The DNR
// rules stay the first line; this catches what gets past them once the page commits.
import browser, { type WebNavigation } from 'webextension-polyfill';
import { blockPageFor } from './block-page-url';
import { currentPolicy } from './rule-sync';

type NavigationDetails =
  WebNavigation.OnCommittedDetailsType | WebNavigation.OnHistoryStateUpdatedDetailsType;

export const BACKSTOP_FILTER: WebNavigation.EventUrlFilters = {
  url: [{ schemes: ['http', 'https'] }],
};

export async function checkNavigation(details: NavigationDetails): Promise<void> {
  // Only the top frame can be sent elsewhere; a sub-frame served by a service worker is the
  // documented gap (README: "What the backstop can't catch").
  if (details.frameId !== 0) return;
  const { policy, judge } = await currentPolicy();
  const verdict = judge(details.url);
  if (verdict.allowed) return;
  await browser.tabs.update(details.tabId, {
    url: blockPageFor(details.url, verdict.reason, policy.keyStage),
  });
}
