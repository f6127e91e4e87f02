import { describe, expect, it } from 'vitest';
import { PIRACY_DOMAINS, PIRACY_ENTRIES, PIRACY_GROUPS } from '../../shared/piracy-sites';
import { compileRules } from '../../shared/rule-compiler';
import { RULE_PRIORITY } from '../../shared/rule-priorities';
import { createUrlJudge } from '../../shared/url-verdict';
import {
  BLOCK_PAGE,
  categoryPolicy,
  itIsADocumentedDomainList,
  itStaysBlockedWhateverAllowsIt,
} from './always-blocked-category';

describe('the piracy list', () => {
  it('has at least 40 distinct domains', () => {
    expect(PIRACY_DOMAINS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PIRACY_DOMAINS).size).toBe(PIRACY_DOMAINS.length);
  });

  itIsADocumentedDomainList({
    groups: PIRACY_GROUPS,
    domains: PIRACY_DOMAINS,
    entries: PIRACY_ENTRIES,
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
