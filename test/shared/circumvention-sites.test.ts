import { describe, expect, it } from 'vitest';
import {
  CIRCUMVENTION_DOMAINS,
  CIRCUMVENTION_ENTRIES,
  CIRCUMVENTION_GROUPS,
} from '../../shared/circumvention-sites';
import { PIRACY_DOMAINS } from '../../shared/piracy-sites';
import { compileRules } from '../../shared/rule-compiler';
import { RULE_PRIORITY } from '../../shared/rule-priorities';
import { createUrlJudge } from '../../shared/url-verdict';
import {
  BLOCK_PAGE,
  categoryPolicy,
  itIsADocumentedDomainList,
  itStaysBlockedWhateverAllowsIt,
} from './always-blocked-category';

describe('the circumvention list', () => {
  it('has the best-known proxies, VPNs and tools, each once', () => {
    expect(CIRCUMVENTION_DOMAINS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CIRCUMVENTION_DOMAINS).size).toBe(CIRCUMVENTION_DOMAINS.length);
    for (const domain of ['croxyproxy.com', 'proxysite.com', 'hidester.com', 'kproxy.com']) {
      expect(CIRCUMVENTION_DOMAINS).toContain(domain);
    }
    for (const domain of ['hide.me', 'nordvpn.com', 'expressvpn.com', 'protonvpn.com']) {
      expect(CIRCUMVENTION_DOMAINS).toContain(domain);
    }
    for (const domain of ['psiphon.ca', 'ultrasurf.us', 'torproject.org']) {
      expect(CIRCUMVENTION_DOMAINS).toContain(domain);
    }
  });

  it('shares no domain with the piracy list, so each site has one reason', () => {
    expect(CIRCUMVENTION_DOMAINS.filter((domain) => PIRACY_DOMAINS.includes(domain))).toEqual([]);
  });

  itIsADocumentedDomainList({
    groups: CIRCUMVENTION_GROUPS,
    domains: CIRCUMVENTION_DOMAINS,
    entries: CIRCUMVENTION_ENTRIES,
  });
});

describe('the circumvention category in the rules', () => {
  it('is one redirect above every allow, always-blocked and piracy rule, to its block page', () => {
    const { rules } = compileRules(categoryPolicy(), { blockPageUrl: BLOCK_PAGE });
    const wayRound = rules.filter((rule) => rule.priority === RULE_PRIORITY.circumvention);
    expect(wayRound).toHaveLength(1);
    expect(wayRound[0]?.condition.requestDomains).toEqual(CIRCUMVENTION_DOMAINS);
    expect(wayRound[0]?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(wayRound[0]?.action).toEqual({
      type: 'redirect',
      redirect: { regexSubstitution: `${BLOCK_PAGE}?ks=ks2&why=circumvention#\\0` },
    });
    expect(RULE_PRIORITY.circumvention).toBeGreaterThan(RULE_PRIORITY.allow);
    expect(RULE_PRIORITY.circumvention).toBeGreaterThan(RULE_PRIORITY.alwaysBlocked);
    expect(RULE_PRIORITY.circumvention).toBeGreaterThan(RULE_PRIORITY.piracy);
  });

  it('comes last, so every other rule keeps the id it had', () => {
    const { rules } = compileRules(categoryPolicy(), { blockPageUrl: BLOCK_PAGE });
    expect(rules.at(-1)?.priority).toBe(RULE_PRIORITY.circumvention);
    expect(rules.at(-2)?.priority).toBe(RULE_PRIORITY.piracy);
  });

  itStaysBlockedWhateverAllowsIt({
    reason: 'circumvention',
    priority: RULE_PRIORITY.circumvention,
    domains: ['croxyproxy.com', 'nordvpn.com'],
    exactHost: 'www.croxyproxy.com',
    pagePath: 'https://www.torproject.org/download/',
    urls: [
      'https://www.croxyproxy.com/',
      'https://nordvpn.com/download/',
      'http://www.torproject.org/download/',
      'https://psiphon.ca/en/download.html',
    ],
  });

  it.each([
    ['https://www.bbc.co.uk/bitesize', { allowed: true }],
    ['https://notcroxyproxy.com/', { allowed: false, reason: 'list' }],
    ['https://croxyproxy.com.example.com/', { allowed: false, reason: 'list' }],
    ['https://badsite.example/', { allowed: false, reason: 'always' }],
    ['https://thepiratebay.org/', { allowed: false, reason: 'piracy' }],
  ])('leaves other addresses to the lists: %s', (url, verdict) => {
    expect(createUrlJudge(categoryPolicy())(url)).toEqual(verdict);
  });
});
