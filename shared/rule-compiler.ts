// The pure compiler from an effective policy to declarativeNetRequest rules.
// Deterministic (same policy, same rules, same ids) so the output can be snapshot-tested and
// hashed, and checked against Chrome's limits before anything is installed.
import { DNR_LIMITS, type DnrResourceType, type DnrRule } from './dnr-types';
import type { EffectivePolicy } from './effective-policy';
import type { KeyStage } from './policy-model';
import { IMAGE_SEARCH_PATTERNS } from './image-search-patterns';
import { PIRACY_DOMAINS } from './piracy-sites';
import { CIRCUMVENTION_DOMAINS } from './circumvention-sites';
import { RULE_PRIORITY } from './rule-priorities';
import { SAFE_SEARCH_PARAMETERS, YOUTUBE_HOSTS, YOUTUBE_RESTRICT_HEADER } from './safe-search';
import { formatSiteEntry, type SiteEntry } from './site-entry';

const FRAMES: DnrResourceType[] = ['main_frame', 'sub_frame'];
/** requestDomains per rule: large lists become a few big rules, not thousands of small ones. */
export const DOMAINS_PER_RULE = 1_000;
/** Matches any web address; `\0` in the substitution is the whole blocked URL. */
const ANY_WEB_URL = '^https?://.*';

export type BlockReason = 'list' | 'always' | 'images' | 'piracy' | 'circumvention';

export interface CompileOptions {
  /** Full URL of the block page, e.g. chrome-extension://<id>/extension/blocked.html */
  blockPageUrl: string;
}

export interface RuleCounts {
  total: number;
  unsafe: number;
  regex: number;
}

export interface CompiledRules {
  rules: DnrRule[];
  counts: RuleCounts;
}

export class RuleLimitError extends Error {
  override name = 'RuleLimitError';
}

/** Where a blocked address is sent. The address itself follows in the fragment, as text. */
export function blockPageSubstitution(
  blockPageUrl: string,
  reason: BlockReason,
  keyStage?: KeyStage,
  imageSources: readonly SiteEntry[] = [],
): string {
  const query = new URLSearchParams({ ...(keyStage ? { ks: keyStage } : {}), why: reason });
  // The image-search page offers the approved sources; they travel in the address so the page
  // needs nothing from storage or the worker to show them.
  const offered = imageSources.slice(0, MAX_OFFERED_IMAGE_SOURCES).map(formatSiteEntry);
  if (offered.length) query.set('img', offered.join(' '));
  // \0 is the matched start of the URL; Chrome keeps the unmatched rest after it, so the whole
  // blocked address ends up in the fragment.
  return `${blockPageUrl}?${query.toString()}#\\0`;
}

/** How many approved image sources the block page lists. */
export const MAX_OFFERED_IMAGE_SOURCES = 8;

/** The static ruleset shipped in the package (public/rules/failsafe.json). */
export function compileFailsafeRules(blockPageUrl: string): DnrRule[] {
  return [
    {
      id: 1,
      priority: RULE_PRIORITY.failsafeBlock,
      action: {
        type: 'redirect',
        redirect: { regexSubstitution: blockPageSubstitution(blockPageUrl, 'list') },
      },
      condition: { regexFilter: ANY_WEB_URL, resourceTypes: FRAMES },
    },
  ];
}

function sortedUnique(entries: readonly SiteEntry[]): SiteEntry[] {
  const byText = new Map<string, SiteEntry>();
  for (const entry of entries) byText.set(formatSiteEntry(entry), entry);
  return [...byText.keys()].sort().map((text) => byText.get(text) as SiteEntry);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * urlFilter patterns for an exact host or a host+path entry, one per scheme. `^` after a host
 * stops `bbc.co.uk.evil.com` matching; a path without a trailing slash matches only itself or
 * below it (`/maths` matches `/maths`, `/maths/`, `/maths?x`, never `/mathsgames`).
 */
function urlFilters(entry: Exclude<SiteEntry, { kind: 'domain' }>): string[] {
  const tails =
    entry.kind === 'host'
      ? ['^']
      : entry.path.endsWith('/')
        ? [entry.path]
        : [`${entry.path}|`, `${entry.path}/`, `${entry.path}?`];
  return ['http', 'https'].flatMap((scheme) =>
    tails.map((tail) => `|${scheme}://${entry.host}${tail}`),
  );
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An RE2 pattern for an exact host or host+path entry (always-blocked rules need a regex). */
function entryRegex(entry: Exclude<SiteEntry, { kind: 'domain' }>): string {
  const host = `^https?://${escapeRegex(entry.host)}(:[0-9]+)?`;
  if (entry.kind === 'host') return `${host}([/?].*)?$`;
  const path = escapeRegex(entry.path);
  return entry.path.endsWith('/') ? `${host}${path}.*` : `${host}${path}([/?].*)?$`;
}

export function compileRules(policy: EffectivePolicy, options: CompileOptions): CompiledRules {
  const rules: Omit<DnrRule, 'id'>[] = [];
  const allow = sortedUnique(policy.allow);
  const block = sortedUnique(policy.block);

  rules.push({
    priority: RULE_PRIORITY.defaultBlock,
    action: {
      type: 'redirect',
      redirect: {
        regexSubstitution: blockPageSubstitution(options.blockPageUrl, 'list', policy.keyStage),
      },
    },
    condition: { regexFilter: ANY_WEB_URL, resourceTypes: FRAMES },
  });

  const allowDomains = allow.flatMap((e) => (e.kind === 'domain' ? [e.host] : []));
  for (const domains of chunk(allowDomains, DOMAINS_PER_RULE)) {
    rules.push({
      priority: RULE_PRIORITY.allow,
      action: { type: 'allow' },
      condition: { requestDomains: domains, resourceTypes: FRAMES },
    });
  }
  for (const entry of allow) {
    if (entry.kind === 'domain') continue;
    for (const urlFilter of urlFilters(entry)) {
      rules.push({
        priority: RULE_PRIORITY.allow,
        action: { type: 'allow' },
        condition: {
          urlFilter,
          // Paths keep their case so a listed page can't be reached under another spelling.
          ...(entry.kind === 'path' ? { isUrlFilterCaseSensitive: true } : {}),
          resourceTypes: FRAMES,
        },
      });
    }
  }

  const alwaysTarget = blockPageSubstitution(options.blockPageUrl, 'always', policy.keyStage);
  const blockDomains = block.flatMap((e) => (e.kind === 'domain' ? [e.host] : []));
  for (const domains of chunk(blockDomains, DOMAINS_PER_RULE)) {
    rules.push({
      priority: RULE_PRIORITY.alwaysBlocked,
      action: { type: 'redirect', redirect: { regexSubstitution: alwaysTarget } },
      condition: { regexFilter: ANY_WEB_URL, requestDomains: domains, resourceTypes: FRAMES },
    });
  }
  for (const entry of block) {
    if (entry.kind === 'domain') continue;
    rules.push({
      priority: RULE_PRIORITY.alwaysBlocked,
      action: { type: 'redirect', redirect: { regexSubstitution: alwaysTarget } },
      condition: { regexFilter: entryRegex(entry), resourceTypes: FRAMES },
    });
  }

  rules.push(...safeSearchRules());
  if (!policy.imageSearchLiftedUntil) {
    const target = blockPageSubstitution(
      options.blockPageUrl,
      'images',
      policy.keyStage,
      policy.imageSources,
    );
    rules.push(...imageSearchRules(target));
  }
  // Last, so adding the category left every earlier rule's id as it was.
  rules.push(
    ...piracyRules(blockPageSubstitution(options.blockPageUrl, 'piracy', policy.keyStage)),
  );
  // After piracy for the same reason: every earlier rule keeps its id.
  rules.push(
    ...circumventionRules(
      blockPageSubstitution(options.blockPageUrl, 'circumvention', policy.keyStage),
    ),
  );

  const numbered = rules.map((rule, index) => ({ id: index + 1, ...rule }));
  const counts = countRules(numbered);
  assertWithinLimits(counts);
  return { rules: numbered, counts };
}

/** One redirect to the block page per image-search pattern (shared/image-search-patterns.ts). */
export function imageSearchRules(target: string): Omit<DnrRule, 'id'>[] {
  return IMAGE_SEARCH_PATTERNS.map((pattern) => ({
    priority: RULE_PRIORITY.imageSearch,
    action: { type: 'redirect', redirect: { regexSubstitution: target } },
    condition: { regexFilter: pattern.regex, resourceTypes: FRAMES },
  }));
}

/** The piracy category: every key stage, whatever the policy allows (shared/piracy-sites.ts). */
export function piracyRules(target: string): Omit<DnrRule, 'id'>[] {
  return chunk(PIRACY_DOMAINS, DOMAINS_PER_RULE).map((domains) => ({
    priority: RULE_PRIORITY.piracy,
    action: { type: 'redirect', redirect: { regexSubstitution: target } },
    condition: { regexFilter: ANY_WEB_URL, requestDomains: [...domains], resourceTypes: FRAMES },
  }));
}

/** Proxies, VPNs and the like: every key stage, whatever the policy allows (circumvention-sites.ts). */
export function circumventionRules(target: string): Omit<DnrRule, 'id'>[] {
  return chunk(CIRCUMVENTION_DOMAINS, DOMAINS_PER_RULE).map((domains) => ({
    priority: RULE_PRIORITY.circumvention,
    action: { type: 'redirect', redirect: { regexSubstitution: target } },
    condition: { regexFilter: ANY_WEB_URL, requestDomains: [...domains], resourceTypes: FRAMES },
  }));
}

/** SafeSearch parameters on every engine's results, and YouTube's Restricted Mode header. */
export function safeSearchRules(): Omit<DnrRule, 'id'>[] {
  const parameters: Omit<DnrRule, 'id'>[] = SAFE_SEARCH_PARAMETERS.map((engine) => ({
    priority: RULE_PRIORITY.safeSearch,
    action: {
      type: 'redirect',
      redirect: {
        transform: {
          queryTransform: { addOrReplaceParams: [{ key: engine.key, value: engine.value }] },
        },
      },
    },
    condition: { regexFilter: engine.regex, resourceTypes: FRAMES },
  }));
  const youtube: Omit<DnrRule, 'id'> = {
    priority: RULE_PRIORITY.safeSearch,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ ...YOUTUBE_RESTRICT_HEADER, operation: 'set' }],
    },
    condition: {
      requestDomains: [...YOUTUBE_HOSTS],
      resourceTypes: [...FRAMES, 'xmlhttprequest', 'script', 'image', 'media', 'other'],
    },
  };
  return [...parameters, youtube];
}

export function countRules(rules: readonly DnrRule[]): RuleCounts {
  return {
    total: rules.length,
    // Chrome counts redirect and modifyHeaders rules as "unsafe" and caps them separately.
    unsafe: rules.filter(
      (rule) => rule.action.type === 'redirect' || rule.action.type === 'modifyHeaders',
    ).length,
    regex: rules.filter((rule) => rule.condition.regexFilter !== undefined).length,
  };
}

function assertWithinLimits(counts: RuleCounts): void {
  if (counts.total > DNR_LIMITS.dynamicRules) {
    throw new RuleLimitError(
      `The lists need ${counts.total} rules but Chrome allows ${DNR_LIMITS.dynamicRules}. ` +
        'List whole domains rather than single pages, which share rules.',
    );
  }
  if (counts.unsafe > DNR_LIMITS.unsafeDynamicRules) {
    throw new RuleLimitError(
      `The always-blocked list needs ${counts.unsafe} redirect rules but Chrome allows ${DNR_LIMITS.unsafeDynamicRules}.`,
    );
  }
  if (counts.regex > DNR_LIMITS.regexRules) {
    throw new RuleLimitError(
      `The rules need ${counts.regex} address patterns but Chrome allows ${DNR_LIMITS.regexRules}. ` +
        'Each single page or host on the always-blocked list takes one: block whole domains where you can.',
    );
  }
}

/** A short, stable fingerprint of a rule set, shown to admins and used to skip no-op updates. */
export function hashRules(rules: readonly DnrRule[]): string {
  const text = JSON.stringify(rules);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
