// The proof every always-blocked category (piracy, circumvention) owes: no list, lesson, approval
// or image-search lift opens it, and the DNR rules and the worker's URL judge agree.
import { expect, it } from 'vitest';
import type { EffectivePolicy } from '../../shared/effective-policy';
import type { BlockReason } from '../../shared/rule-compiler';
import { compileRules } from '../../shared/rule-compiler';
import type { SiteEntry } from '../../shared/site-entry';
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';
import { createUrlJudge } from '../../shared/url-verdict';
import { entries } from './site-entries';
import { winningRule } from './winning-rule';

export const BLOCK_PAGE =
  'chrome-extension://jfihchfhddpjfhemlalhlcmdfnilofie/extension/blocked.html';

export const categoryPolicy = (overrides: Partial<EffectivePolicy> = {}): EffectivePolicy => ({
  keyStage: 'ks2',
  keyStageSource: 'managed',
  allow: entries('bbc.co.uk'),
  block: entries('badsite.example'),
  imageSources: [],
  imageSearchLiftedUntil: null,
  usingStarter: false,
  lesson: null,
  ...overrides,
});

interface Category {
  reason: BlockReason;
  priority: number;
  /** Two of the category's domains, as a school might list them. */
  domains: [string, string];
  /** An exact host and a page path of the category, as a focus lesson might list them. */
  exactHost: string;
  pagePath: string;
  /** Addresses of the category that must stay blocked whatever allows them. */
  urls: string[];
}

export function itStaysBlockedWhateverAllowsIt(category: Category): void {
  const [first, second] = category.domains;
  const allowers: [string, Partial<EffectivePolicy>][] = [
    ['the key stage list', { allow: entries(first, second, 'bbc.co.uk') }],
    [
      'a focus lesson',
      {
        allow: entries(`=${category.exactHost}`, category.pagePath),
        lesson: { id: 'l1', mode: 'focus', endsAt: '2030-01-01T00:00:00.000Z' },
      },
    ],
    ['the always-blocked list too', { block: entries(first, second) }],
    ['a lifted image search', { imageSearchLiftedUntil: '2030-01-01T00:00:00.000Z' }],
  ];

  it.each(allowers)('stays blocked, and the judge agrees, whatever allows it: %s', (_, change) => {
    const current = categoryPolicy(change);
    const { rules } = compileRules(current, { blockPageUrl: BLOCK_PAGE });
    const judge = createUrlJudge(current);
    for (const url of category.urls) {
      expect(winningRule(rules, url)?.priority, url).toBe(category.priority);
      expect(judge(url), url).toEqual({ allowed: false, reason: category.reason });
    }
  });
}

interface DomainList {
  groups: readonly { kind: string; source: string; domains: readonly string[] }[];
  domains: readonly string[];
  entries: readonly SiteEntry[];
}

/** A category's list is documented group by group, and every domain reaches the rules whole. */
export function itIsADocumentedDomainList(list: DomainList): void {
  it('names, for every group, what it holds and its source', () => {
    for (const group of list.groups) {
      expect(group.kind.length).toBeGreaterThan(5);
      expect(group.source.length).toBeGreaterThan(20);
      expect(group.domains.length).toBeGreaterThan(0);
    }
  });

  it.each(list.domains.map((domain) => [domain]))(
    '%s is a whole domain, written as the lists write it',
    (domain) => {
      const parsed = parseSiteEntry(domain);
      expect(parsed.ok && parsed.entry.kind).toBe('domain');
      expect(parsed.ok && formatSiteEntry(parsed.entry)).toBe(domain);
    },
  );

  it('loses no domain on the way to site entries', () => {
    expect(list.entries.map(formatSiteEntry)).toEqual(list.domains);
  });
}
