// The same verdict the compiled rules give, computed in code. The navigation backstop uses it
// for pages Chrome never asks the network for (a site's own service worker serving them), and
// tests hold it to the DNR outcome so the two can't drift.
import type { EffectivePolicy } from './effective-policy';
import { PIRACY_ENTRIES } from './piracy-sites';
import { CIRCUMVENTION_ENTRIES } from './circumvention-sites';
import type { BlockReason } from './rule-compiler';
import { entryMatchesUrl, type SiteEntry } from './site-entry';

export type Verdict = { allowed: true } | { allowed: false; reason: BlockReason };

interface EntryIndex {
  domains: Set<string>;
  /** Exact-host and path entries, keyed by host. */
  byHost: Map<string, SiteEntry[]>;
}

function indexEntries(entries: readonly SiteEntry[]): EntryIndex {
  const index: EntryIndex = { domains: new Set(), byHost: new Map() };
  for (const entry of entries) {
    if (entry.kind === 'domain') index.domains.add(entry.host);
    else index.byHost.set(entry.host, [...(index.byHost.get(entry.host) ?? []), entry]);
  }
  return index;
}

function matches(index: EntryIndex, url: URL): boolean {
  const host = url.hostname.replace(/\.$/, '');
  for (let suffix = host; suffix;) {
    if (index.domains.has(suffix)) return true;
    const dot = suffix.indexOf('.');
    suffix = dot === -1 ? '' : suffix.slice(dot + 1);
  }
  return (index.byHost.get(host) ?? []).some((entry) => entryMatchesUrl(entry, url));
}

export type UrlJudge = (url: string) => Verdict;

// Built once: the piracy category is the same for every policy.
let piracy: EntryIndex | null = null;
let circumvention: EntryIndex | null = null;

/** Builds the judge once per policy: lookups are by hostname suffix, not a scan of the list. */
export function createUrlJudge(policy: Pick<EffectivePolicy, 'allow' | 'block'>): UrlJudge {
  const allow = indexEntries(policy.allow);
  const block = indexEntries(policy.block);
  piracy ??= indexEntries(PIRACY_ENTRIES);
  const pirated = piracy;
  circumvention ??= indexEntries(CIRCUMVENTION_ENTRIES);
  const wayRound = circumvention;
  return (text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { allowed: false, reason: 'list' };
    }
    // Only web pages are judged; the browser's own and the extension's pages are not sites.
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: true };
    // The circumvention rule outranks the piracy one, which outranks the always-blocked ones,
    // so the judge asks in the same order.
    if (matches(wayRound, url)) return { allowed: false, reason: 'circumvention' };
    // The piracy rules outrank the always-blocked ones, so the judge asks in the same order.
    if (matches(pirated, url)) return { allowed: false, reason: 'piracy' };
    if (matches(block, url)) return { allowed: false, reason: 'always' };
    if (matches(allow, url)) return { allowed: true };
    return { allowed: false, reason: 'list' };
  };
}
