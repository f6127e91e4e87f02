// Tells the teacher's live view which site the pupil is on: the active tab's host name only
// (least data: never a path, a query or a title), and null for anything that isn't a web page,
// the block page included. Sent when the socket opens and when the active tab or its address
// changes, a moment after the pupil settles, and never the same value twice in a row.
import browser, { type Tabs } from 'webextension-polyfill';
import { siteOf } from '../../shared/pupil-event';
import { sendToHub } from './hub-socket';

/** Tab switches and redirects come in bursts; the teacher needs where the pupil lands. */
const SETTLE_MS = 500;

// Both belong to the open socket, not to the device: a new socket starts them afresh.
let lastSent: string | null | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The host name of an http or https address; null for any other address, or none. */
export const domainOf = (url: string | undefined): string | null => (url ? siteOf(url) : null);

/** Sends the active tab's domain, unless it is what the hub last heard. */
export async function reportSite(): Promise<void> {
  // tab.url is readable for web pages through the <all_urls> host permission, so this needs no
  // "tabs" permission; other pages read as no URL, which is null here anyway.
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const domain = domainOf(tab?.url);
  if (domain === lastSent) return;
  if (sendToHub({ type: 'site', domain })) lastSent = domain;
}

function reportSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(
    () => void reportSite().catch((error) => console.warn('Site report', error)),
    SETTLE_MS,
  );
}

const onActivated = () => reportSoon();
const onFocusChanged = () => reportSoon();
const onUpdated = (_tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => {
  if (tab.active && (change.url !== undefined || change.status === 'loading')) reportSoon();
};

/**
 * A deliberate exception to "every listener at the top level of main.ts": these are added only
 * while the hub socket is open and removed when it closes. A top-level tabs listener would
 * wake the worker on every page load, and a per-navigation listener was measured to slow
 * allowed pages. While the socket is open the worker is awake anyway (its traffic keeps it
 * alive), so nothing is missed that the teacher could see; a new socket reports afresh.
 */
export function startSiteReports(): void {
  lastSent = undefined;
  if (!browser.tabs.onActivated.hasListener(onActivated)) {
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onFocusChanged);
  }
  void reportSite().catch((error) => console.warn('Site report', error));
}

export function stopSiteReports(): void {
  clearTimeout(timer);
  lastSent = undefined;
  browser.tabs.onActivated.removeListener(onActivated);
  browser.tabs.onUpdated.removeListener(onUpdated);
  browser.windows.onFocusChanged.removeListener(onFocusChanged);
}
