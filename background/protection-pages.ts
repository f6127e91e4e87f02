// Sends a tab that opens one of the browser's protection pages (chrome://extensions and the like,
// shared/protection-pages.ts) to the block page with the circumvention reason; the block page
// then records the attempt like any other. DNR never sees chrome:// pages, so this listens to
// webNavigation, filtered so Chrome wakes the worker only for those pages.
import browser, { type WebNavigation } from 'webextension-polyfill';
import { isProtectionPage, PROTECTION_PAGE_FILTERS } from '../shared/protection-pages';
import { blockPageFor } from './block-page-url';
import { currentPolicy } from './rule-sync';

export const PROTECTION_PAGE_FILTER: WebNavigation.EventUrlFilters = {
  url: PROTECTION_PAGE_FILTERS,
};

/** A new page (onBeforeNavigate) or a settings subpage opened in place (onHistoryStateUpdated). */
export async function leaveProtectionPage(details: {
  tabId: number;
  frameId: number;
  url: string;
}): Promise<void> {
  if (details.frameId !== 0 || details.tabId < 0 || !isProtectionPage(details.url)) return;
  const { policy } = await currentPolicy();
  await browser.tabs.update(details.tabId, {
    url: blockPageFor(details.url, 'circumvention', policy.keyStage),
  });
}
