import { describe, expect, it } from 'vitest';
import type { EffectivePolicy } from '../../shared/effective-policy';
import { DNR_LIMITS } from '../../shared/dnr-types';
import {
  compileRules,
  DOMAINS_PER_RULE,
  hashRules,
  RuleLimitError,
} from '../../shared/rule-compiler';
import { RULE_PRIORITY } from '../../shared/rule-priorities';
import { entries } from './site-entries';

const BLOCK_PAGE = 'chrome-extension://jfihchfhddpjfhemlalhlcmdfnilofie/extension/blocked.html';

const policy = (overrides: Partial<EffectivePolicy> = {}): EffectivePolicy => ({
  keyStage: 'ks1',
  keyStageSource: 'managed',
  allow: entries('bbc.co.uk', '=www.topmarks.co.uk', 'https://www.bbc.co.uk/cbeebies/'),
  block: entries('badsite.example', 'https://www.bbc.co.uk/news/'),
  imageSources: [],
  imageSearchLiftedUntil: null,
  usingStarter: false,
  lesson: null,
  ...overrides,
});

describe('compileRules', () => {
  it('compiles a small policy to the reviewed rule set', () => {
    expect(compileRules(policy(), { blockPageUrl: BLOCK_PAGE }).rules).toMatchSnapshot();
  });

  it('is deterministic whatever order the entries arrive in', () => {
    const forwards = compileRules(policy(), { blockPageUrl: BLOCK_PAGE });
    const backwards = compileRules(
      policy({ allow: [...policy().allow].reverse(), block: [...policy().block].reverse() }),
      { blockPageUrl: BLOCK_PAGE },
    );
    expect(backwards.rules).toEqual(forwards.rules);
    expect(hashRules(backwards.rules)).toBe(hashRules(forwards.rules));
  });

  it('gives every rule a unique id from 1', () => {
    const { rules } = compileRules(policy(), { blockPageUrl: BLOCK_PAGE });
    expect(rules.map((rule) => rule.id)).toEqual(rules.map((_, index) => index + 1));
  });

  it('sends anything not allowed to the block page for the key stage, with the URL in the fragment', () => {
    const { rules } = compileRules(policy({ keyStage: 'ks2' }), { blockPageUrl: BLOCK_PAGE });
    const fallback = rules.find((rule) => rule.priority === RULE_PRIORITY.defaultBlock);
    expect(fallback?.action).toEqual({
      type: 'redirect',
      redirect: { regexSubstitution: `${BLOCK_PAGE}?ks=ks2&why=list#\\0` },
    });
    expect(fallback?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
  });

  it('ranks always-blocked above allow above the default block', () => {
    expect(RULE_PRIORITY.alwaysBlocked).toBeGreaterThan(RULE_PRIORITY.allow);
    expect(RULE_PRIORITY.allow).toBeGreaterThan(RULE_PRIORITY.defaultBlock);
    expect(RULE_PRIORITY.defaultBlock).toBeGreaterThan(RULE_PRIORITY.failsafeBlock);
  });

  it('makes path rules case-sensitive and host rules stop at a separator', () => {
    const { rules } = compileRules(policy(), { blockPageUrl: BLOCK_PAGE });
    const filters = rules.map((rule) => rule.condition.urlFilter).filter(Boolean);
    expect(filters).toContain('|https://www.topmarks.co.uk^');
    expect(filters).toContain('|http://www.topmarks.co.uk^');
    const cbeebies = rules.find(
      (rule) => rule.condition.urlFilter === '|https://www.bbc.co.uk/cbeebies/',
    );
    expect(cbeebies?.condition.isUrlFilterCaseSensitive).toBe(true);
  });

  it('locks SafeSearch on and sends YouTube the Restricted Mode header, above every allow rule', () => {
    const { rules } = compileRules(policy(), { blockPageUrl: BLOCK_PAGE });
    const safe = rules.filter((rule) => rule.priority === RULE_PRIORITY.safeSearch);
    const parameters = safe.flatMap((rule) =>
      rule.action.type === 'redirect' && 'transform' in rule.action.redirect
        ? rule.action.redirect.transform.queryTransform.addOrReplaceParams
        : [],
    );
    expect(parameters).toEqual([
      { key: 'safe', value: 'active' },
      { key: 'adlt', value: 'strict' },
      { key: 'kp', value: '1' },
    ]);
    const youtube = safe.find((rule) => rule.action.type === 'modifyHeaders');
    expect(youtube?.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'YouTube-Restrict', value: 'Strict', operation: 'set' }],
    });
    expect(youtube?.condition.requestDomains).toContain('youtube.com');
    expect(RULE_PRIORITY.safeSearch).toBeGreaterThan(RULE_PRIORITY.allow);
    expect(RULE_PRIORITY.safeSearch).toBeGreaterThan(RULE_PRIORITY.alwaysBlocked);
  });

  it('blocks image search above SafeSearch, naming the approved image sources, unless lifted', () => {
    const withSources = policy({
      imageSources: entries('images.nasa.gov', 'www.pics4learning.com'),
    });
    const blocked = compileRules(withSources, { blockPageUrl: BLOCK_PAGE }).rules.filter(
      (rule) => rule.priority === RULE_PRIORITY.imageSearch,
    );
    expect(blocked.length).toBeGreaterThan(10);
    expect(blocked[0]?.action).toEqual({
      type: 'redirect',
      redirect: {
        regexSubstitution: `${BLOCK_PAGE}?ks=ks1&why=images&img=images.nasa.gov+www.pics4learning.com#\\0`,
      },
    });
    expect(RULE_PRIORITY.imageSearch).toBeGreaterThan(RULE_PRIORITY.safeSearch);
    const lifted = compileRules(policy({ imageSearchLiftedUntil: '2026-11-22T10:30:00.000Z' }), {
      blockPageUrl: BLOCK_PAGE,
    }).rules;
    expect(lifted.some((rule) => rule.priority === RULE_PRIORITY.imageSearch)).toBe(false);
    expect(lifted.some((rule) => rule.priority === RULE_PRIORITY.safeSearch)).toBe(true);
  });

  it('packs domains into shared rules', () => {
    const many = Array.from({ length: 2_500 }, (_, i) => `site${i}.example.org`);
    const { rules, counts } = compileRules(policy({ allow: entries(...many), block: [] }), {
      blockPageUrl: BLOCK_PAGE,
    });
    const domainRules = rules.filter(
      (rule) => rule.action.type === 'allow' && rule.condition.requestDomains,
    );
    expect(domainRules).toHaveLength(Math.ceil(2_500 / DOMAINS_PER_RULE));
    const others = compileRules(policy({ allow: [], block: [] }), { blockPageUrl: BLOCK_PAGE });
    expect(counts.total).toBe(others.counts.total + domainRules.length);
  });

  it('compiles a 100,000-domain list inside the DNR limits', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `school${i}.example.org`);
    const { counts } = compileRules(policy({ allow: entries(...many) }), {
      blockPageUrl: BLOCK_PAGE,
    });
    expect(counts.total).toBeLessThanOrEqual(DNR_LIMITS.dynamicRules);
    expect(counts.regex).toBeLessThanOrEqual(DNR_LIMITS.regexRules);
  });

  it('refuses, with a reason, a policy over the regex limit rather than installing part of it', () => {
    const pages = Array.from({ length: 1_000 }, (_, i) => `https://pages.example.org/p${i}/`);
    expect(() =>
      compileRules(policy({ block: entries(...pages) }), { blockPageUrl: BLOCK_PAGE }),
    ).toThrow(RuleLimitError);
  });

  it('refuses a policy over the total rule limit', () => {
    const pages = Array.from({ length: 6_000 }, (_, i) => `https://pages.example.org/p${i}`);
    expect(() =>
      compileRules(policy({ allow: entries(...pages) }), { blockPageUrl: BLOCK_PAGE }),
    ).toThrow(/Chrome allows 30000/);
  });
});
