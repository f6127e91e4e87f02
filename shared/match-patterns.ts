// Chrome match patterns for the sites a policy allows, mirroring the DNR allow rules. The
// backstop content script is registered everywhere *except* these, so an allowed page never
// loads it: it runs only where DNR should already have blocked, which is exactly the pages DNR
// never saw (served by a site's own service worker).
import type { SiteEntry } from './site-entry';

export function matchPatternsFor(entry: SiteEntry): string[] {
  switch (entry.kind) {
    case 'domain':
      // `*.host` matches the host itself and every subdomain, like requestDomains.
      return [`*://*.${entry.host}/*`];
    case 'host':
      return [`*://${entry.host}/*`];
    case 'path':
      return entry.path.endsWith('/')
        ? [`*://${entry.host}${entry.path}*`]
        : [
            `*://${entry.host}${entry.path}`,
            `*://${entry.host}${entry.path}/*`,
            `*://${entry.host}${entry.path}?*`,
          ];
  }
}

export function matchPatternsForAll(entries: readonly SiteEntry[]): string[] {
  return [...new Set(entries.flatMap(matchPatternsFor))].sort();
}

/** Every web page. */
export const ALL_WEB_PAGES = ['http://*/*', 'https://*/*'];
