// Timings taken inside the extension's service worker with its own performance.now(), so
// Playwright's round trips and argument serialisation never count.
import type { Worker } from '@playwright/test';
import type { DnrRule } from '../../shared/dnr-types';
import type { Settings } from '../../shared/policy-model';

export interface PolicyChangeTiming {
  /** From storage.local.set to the new enforcement record. */
  ms: number;
  /** From storage.local.set until its promise resolved (the write alone). */
  writeMs: number;
  policyHash: string;
  ruleCount: number;
  lastError: string | null;
}

/**
 * Writes settings the way the options page does and times, in the worker, until the worker's
 * enforcement record carries a policyHash other than the one before the write.
 */
/** The fields of the worker's enforcement record that the bench reads. */
interface EnforcementFields {
  policyHash: string;
  ruleCount: number;
  lastError: string | null;
}

type ChangeListener = Parameters<typeof chrome.storage.onChanged.addListener>[0];

/**
 * Writes settings the way the options page does and times, in the worker, until the worker's
 * enforcement record carries a policyHash other than the one before the write.
 *
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name()` helper that
 * doesn't exist in the worker; so the evaluated code below names no function of its own.
 */
export function timePolicyChange(
  worker: Worker,
  settings: Settings,
  timeoutMs: number,
): Promise<PolicyChangeTiming> {
  return worker.evaluate(
    async ({ settings, timeoutMs }) => {
      const stored = await chrome.storage.local.get('enforcement');
      const before = (stored.enforcement as EnforcementFields | undefined)?.policyHash;
      const listeners: ChangeListener[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      let start = 0;
      let writeMs = Number.NaN;
      let write: Promise<void> = Promise.resolve();
      try {
        const timing = await new Promise<Omit<PolicyChangeTiming, 'writeMs'>>((resolve, reject) => {
          listeners.push((changes, area) => {
            const next = changes.enforcement?.newValue as EnforcementFields | undefined;
            if (area !== 'local' || !next) return;
            // A failed install keeps the old hash and sets lastError: report it, don't wait it out.
            if (next.policyHash === before && !next.lastError) return;
            resolve({ ms: performance.now() - start, ...next });
          });
          listeners.forEach((listener) => chrome.storage.onChanged.addListener(listener));
          timer = setTimeout(
            () => reject(new Error(`No new enforcement record within ${timeoutMs} ms`)),
            timeoutMs,
          );
          start = performance.now();
          write = chrome.storage.local.set({ settings }).then(() => {
            writeMs = performance.now() - start;
          });
          write.catch(reject);
        });
        await write;
        return { ...timing, writeMs };
      } finally {
        clearTimeout(timer);
        listeners.forEach((listener) => chrome.storage.onChanged.removeListener(listener));
      }
    },
    { settings, timeoutMs },
  );
}

/** Replaces every dynamic rule with these, as the worker's rule sync does; ms in the worker. */
export function timeRuleInstall(worker: Worker, rules: readonly DnrRule[]): Promise<number> {
  return worker.evaluate(async (rules) => {
    const start = performance.now();
    const existing = await chrome.declarativeNetRequest.getDynamicRules();
    await chrome.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: existing.map((rule) => rule.id),
      addRules: rules as chrome.declarativeNetRequest.Rule[],
    });
    return performance.now() - start;
  }, rules);
}

export interface MatchOutcome {
  /** The action of the highest-priority matching rule, or 'none'. */
  decisive: string;
  matched: { ruleId: number; rulesetId: string; action: string; priority: number }[];
}

/** What DNR would do with a top-level navigation to this URL, without navigating. */
export function testMatch(worker: Worker, url: string): Promise<MatchOutcome> {
  return worker.evaluate(async (url) => {
    const outcome = await chrome.declarativeNetRequest.testMatchOutcome({
      url,
      type: 'main_frame' as chrome.declarativeNetRequest.ResourceType,
    });
    const dynamic = new Map(
      (await chrome.declarativeNetRequest.getDynamicRules()).map((rule) => [rule.id, rule]),
    );
    const matched = outcome.matchedRules.map(({ ruleId, rulesetId }) => {
      const rule = rulesetId === '_dynamic' ? dynamic.get(ruleId) : undefined;
      return {
        ruleId,
        rulesetId,
        action: rule ? String(rule.action.type) : 'static',
        priority: rule?.priority ?? 1,
      };
    });
    const top = [...matched].sort((a, b) => b.priority - a.priority)[0];
    return { decisive: top?.action ?? 'none', matched };
  }, url);
}
