import { describe, expect, it } from 'vitest';
import { PIRACY_DOMAINS, PIRACY_ENTRIES, PIRACY_GROUPS } from '../../shared/piracy-sites';
import { compileRules } from '../../shared/rule-compiler';
import { RULE_PRIORITY } from '../../shared/rule-priorities';
import { formatSiteEntry, parseSiteEntry } from '../../shared/site-entry';
import { createUrlJudge } from '../../shared/url-verdict';
import {
  BLOCK_PAGE,
  categoryPolicy,
  itStaysBlockedWhateverAllowsIt,
} from './always-blocked-category';

describe('the piracy list', () => {
  it('has at least 40 distinct domains, each in a group that names its public source', () => {
    expect(PIRACY_DOMAINS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PIRACY_DOMAINS).size).toBe(PIRACY_DOMAINS.length);
    for (const group of PIRACY_GROUPS) {
      expect(group.kind.length).toBeGreaterThan(5);
      expect(group.source.length).toBeGreaterThan(20);
      expect(group.domains.length).toBeGreaterThan(0);
    }
  });

  it.each(PIRACY_DOMAINS.map((domain) => [domain]))(
    '%s is a whole domain, written as the lists write it',
    (domain) => {
      const parsed = parseSiteEntry(domain);
      expect(parsed.ok && parsed.entry.kind).toBe('domain');
      expect(parsed.ok && formatSiteEntry(parsed.entry)).toBe(domain);
    },
  );

  it('loses no domain on the way to site entries', () => {
    expect(PIRACY_ENTRIES.map(formatSiteEntry)).toEqual(PIRACY_DOMAINS);
  });
});

describe('the piracy category in the rules', () => {
  it('is one redirect above every allow and always-blocked rule, to the piracy block page', () => {
    const { rules } = compileRules(categoryPolicy(), { blockPageUrl: BLOCK_PAGE });
    const piracy = rules.filter((rule) => rule.priority === RULE_PRIORITY.piracy);
    expect(piracy).toHaveLength(1);
    expect(piracy[0]?.condition.requestDomains).toEqual(PIRACY_DOMAINS);
    expect(piracy[0]?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(piracy[0]?.action).toEqual({
      type: 'redirect',
      redirect: { regexSubstitution: `${BLOCK_PAGE}?ks=ks2&why=piracy#\\0` },
    });
    expect(RULE_PRIORITY.piracy).toBeGreaterThan(RULE_PRIORITY.allow);
    expect(RULE_PRIORITY.piracy).toBeGreaterThan(RULE_PRIORITY.alwaysBlocked);
  });

  it('comes after every earlier rule (only the later circumvention category follows it), so they keep their ids', () => {
    const { rules } = compileRules(categoryPolicy(), { blockPageUrl: BLOCK_PAGE });
    const piracy = rules.findIndex((rule) => rule.priority === RULE_PRIORITY.piracy);
    expect(rules.slice(piracy + 1).map((rule) => rule.priority)).toEqual([
      RULE_PRIORITY.circumvention,
    ]);
  });

  itStaysBlockedWhateverAllowsIt({
    reason: 'piracy',
    priority: RULE_PRIORITY.piracy,
    domains: ['thepiratebay.org', 'y2mate.com'],
    exactHost: 'www.y2mate.com',
    pagePath: 'https://thepiratebay.org/search/',
    urls: [
      'https://thepiratebay.org/search/cats',
      'https://www.y2mate.com/youtube/abc',
      'http://en.y2mate.com/',
    ],
  });

  it.each([
    ['https://www.bbc.co.uk/bitesize', { allowed: true }],
    ['https://notthepiratebay.org/', { allowed: false, reason: 'list' }],
    ['https://thepiratebay.org.example.com/', { allowed: false, reason: 'list' }],
    ['https://badsite.example/', { allowed: false, reason: 'always' }],
  ])('leaves other addresses to the lists: %s', (url, verdict) => {
    expect(createUrlJudge(categoryPolicy())(url)).toEqual(verdict);
  });
});
