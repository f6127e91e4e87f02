// How much of Chrome's DNR budget the fixed rule sets take: image search and SafeSearch are
// compiled into every policy, so they come off the top of what the school's lists can use.
import { countRules, imageSearchRules, safeSearchRules } from '../../shared/rule-compiler';
import { DNR_LIMITS } from '../../shared/dnr-types';
import type { DnrRule } from '../../shared/dnr-types';
import { formatInt } from './table';

const numbered = (rules: Omit<DnrRule, 'id'>[]): DnrRule[] =>
  rules.map((rule, index) => ({ id: index + 1, ...rule }));

export function ruleSetLines(): string[] {
  const sets = [
    ['image search', countRules(numbered(imageSearchRules('chrome-extension://x/#\\0')))],
    ['SafeSearch + YouTube', countRules(numbered(safeSearchRules()))],
  ] as const;
  return sets.map(
    ([name, counts]) =>
      `${name} rules: ${counts.total} of ${formatInt(DNR_LIMITS.dynamicRules)} ` +
      `(${counts.unsafe} unsafe of ${formatInt(DNR_LIMITS.unsafeDynamicRules)}, ` +
      `${counts.regex} regex of ${formatInt(DNR_LIMITS.regexRules)})`,
  );
}
