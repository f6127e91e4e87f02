// The proof every always-blocked category (piracy, circumvention) owes: no list, lesson, approval
// or image-search lift opens it, and the DNR rules and the worker's URL judge agree.
import { expect, it } from 'vitest';
import type { EffectivePolicy } from '../../shared/effective-policy';
import type { BlockReason } from '../../shared/rule-compiler';
import { compileRules } from '../../shared/rule-compiler';
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
