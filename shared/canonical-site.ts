// Reading back site text this extension wrote itself. Stored and managed entries are kept in
// canonical form (formatSiteEntry), already checked by the full parser when they came in, so
// turning them back into entries needs no public-suffix lookups: this is the fast path the
// worker takes on every wake, where a 100,000-site list would otherwise take most of a second.
import { formatSiteEntry, isIpLiteral, type SiteEntry } from './site-entry';

const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)+)$/;
const PATH = /^\/[\x21-\x7e]*$/;

/** The entry for canonical site text, or null when the text isn't canonical. */
export function decodeCanonicalSite(text: string): SiteEntry | null {
  let entry: SiteEntry;
  if (text.startsWith('=')) {
    entry = { kind: 'host', host: text.slice(1) };
  } else {
    const slash = text.indexOf('/');
    if (slash !== -1) {
      entry = { kind: 'path', host: text.slice(0, slash), path: text.slice(slash) };
      if (!PATH.test(entry.path) || /[?#]/.test(entry.path)) return null;
    } else {
      entry = isIpLiteral(text) ? { kind: 'host', host: text } : { kind: 'domain', host: text };
    }
  }
  if (!HOST.test(entry.host)) return null;
  // Only text that formats back to itself is canonical; anything else goes the slow way.
  return formatSiteEntry(entry) === text ? entry : null;
}
