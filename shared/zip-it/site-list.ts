// Whether a page is on one of the school's Zip It lists (its trusted sites, its sign-in sites).
// The lists hold canonical site text (shared/site-entry.ts formatSiteEntry), already checked
// when the policy came in, so this reads them without the site-entry parser and its public
// suffix list: it runs in the prompts script on every web page. It matches as entryMatchesUrl
// does (test/shared/zip-it-site-list.test.ts holds the two side by side).

/** True when the address is covered by an entry: a domain, `=host`, or `host/path`. */
export function siteListIncludes(list: readonly string[], url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  return list.some((entry) => entryIncludes(entry, host, url.pathname));
}

function entryIncludes(entry: string, host: string, pathname: string): boolean {
  if (entry.startsWith('=')) return host === entry.slice(1);
  const slash = entry.indexOf('/');
  if (slash === -1) return host === entry || host.endsWith(`.${entry}`);
  if (host !== entry.slice(0, slash)) return false;
  const path = entry.slice(slash);
  return path.endsWith('/')
    ? pathname.startsWith(path)
    : pathname === path || pathname.startsWith(`${path}/`);
}
