import type { DnrRule } from '../../shared/dnr-types';

/**
 * Chrome's choice among the domain rules, as its matching algorithm makes it: the highest
 * priority rule whose requestDomains hold the host or a parent of it. (Every rule this is used
 * on is `^https?://.*` or has no regex, so the domains decide.) Chrome itself is held to the
 * same verdicts in test/e2e/dnr-parity.spec.ts.
 */
export function winningRule(rules: readonly DnrRule[], url: string): DnrRule | undefined {
  const host = new URL(url).hostname;
  const parents = host.split('.').map((_, i, labels) => labels.slice(i).join('.'));
  return rules
    .filter((rule) => rule.condition.requestDomains?.some((domain) => parents.includes(domain)))
    .sort((a, b) => b.priority - a.priority)[0];
}
