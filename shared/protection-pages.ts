// The browser's own pages that turn the extension's protection off: a pupil who opens one is
// trying to get round the filter, so the tab goes to the block page (reason `circumvention`) and
// the attempt is recorded. Force-installed, the extension can't be switched off from them, but
// the attempt is what the DfE standards ask a school to know about. Other browser pages
// (chrome://policy, chrome://version, chrome://newtab) change nothing and stay open.
//
// Chrome sends webNavigation events for chrome:// pages (its FrameNavigationState::IsValidUrl
// lists the chrome scheme), and a URL filter on the listener means Chrome only wakes the worker
// for these pages: no "tabs" permission and nothing added to any other page load.

export interface ProtectionPage {
  /** The chrome:// host. */
  host: string;
  /** Only paths starting with this (a settings subpage); every path when absent. */
  pathPrefix?: string;
  why: string;
}

export const PROTECTION_PAGES: readonly ProtectionPage[] = [
  { host: 'extensions', why: 'Turns extensions off, removes them or opens developer mode' },
  { host: 'extensions-internals', why: 'Extension internals, next to the extensions page' },
  {
    host: 'settings',
    pathPrefix: '/reset',
    why: '"Reset settings" turns off every extension the school did not force-install',
  },
];

/** The same pages as webNavigation URL filters, so Chrome wakes the worker for them only. */
export const PROTECTION_PAGE_FILTERS = PROTECTION_PAGES.map((page) => ({
  schemes: ['chrome'],
  hostEquals: page.host,
  ...(page.pathPrefix ? { pathPrefix: page.pathPrefix } : {}),
}));

/** Whether an address is one of those pages (the worker checks again what Chrome filtered). */
export function isProtectionPage(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'chrome:') return false;
  const host = url.hostname.toLowerCase();
  return PROTECTION_PAGES.some(
    (page) => page.host === host && (!page.pathPrefix || url.pathname.startsWith(page.pathPrefix)),
  );
}
