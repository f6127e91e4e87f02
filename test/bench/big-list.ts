// The 100,000-domain list: compiled in Node, installed straight into DNR, and then written as
// settings so the worker does the whole job itself.
import { performance } from 'node:perf_hooks';
import type { Worker } from '@playwright/test';
import { DNR_LIMITS } from '../../shared/dnr-types';
import { buildEffectivePolicy } from '../../shared/effective-policy';
import { compileRules, type CompiledRules, type RuleCounts } from '../../shared/rule-compiler';
import { settingsWith } from '../e2e/support/extension';
import { quantile, round1 } from './stats';
import { testMatch, timePolicyChange, timeRuleInstall } from './worker-timing';

export const BIG_LIST_SIZE = 100_000;
const BLOCK_PAGE_URL = 'chrome-extension://jfihchfhddpjfhemlalhlcmdfnilofie/extension/blocked.html';
const INSTALL_RUNS = 3;
const ENFORCE_TIMEOUT_MS = 60_000;

export const bigListDomains = (): string[] =>
  Array.from({ length: BIG_LIST_SIZE }, (_, i) => `school${i}.example.org`);

export interface NodeCompile {
  buildMs: number;
  compileMs: number;
  totalMs: number;
  counts: RuleCounts;
  limits: typeof DNR_LIMITS;
  compiled: CompiledRules;
}

/** buildEffectivePolicy (which parses every entry) plus compileRules, timed in Node. */
export function compileBigList(): NodeCompile {
  const settings = settingsWith({ keyStage: 'ks2', ks2: bigListDomains() });
  const start = performance.now();
  const policy = buildEffectivePolicy(settings, {});
  const built = performance.now();
  const compiled = compileRules(policy, { blockPageUrl: BLOCK_PAGE_URL });
  const done = performance.now();
  return {
    buildMs: built - start,
    compileMs: done - built,
    totalMs: done - start,
    counts: compiled.counts,
    limits: DNR_LIMITS,
    compiled,
  };
}

export interface BrowserBigList {
  installMs: number[];
  installMedianMs: number;
  enforceMs: number;
  /** The storage.local.set of the 100,000-entry settings alone, part of enforceMs. */
  writeMs: number;
  enforcedRuleCount: number;
  listed: { url: string; decisive: string };
  unlisted: { url: string; decisive: string };
}

export async function benchBigListInWorker(
  worker: Worker,
  compiled: CompiledRules,
  failures: string[],
): Promise<BrowserBigList> {
  const installMs: number[] = [];
  for (let i = 0; i < INSTALL_RUNS; i++)
    installMs.push(await timeRuleInstall(worker, compiled.rules));

  const settings = settingsWith({ keyStage: 'ks2', ks2: bigListDomains() });
  const enforced = await timePolicyChange(worker, settings, ENFORCE_TIMEOUT_MS);
  if (enforced.lastError) failures.push(`100,000-domain list not installed: ${enforced.lastError}`);

  const listedUrl = `https://school${BIG_LIST_SIZE - 1}.example.org/`;
  const unlistedUrl = 'https://not-listed.example.org/';
  const listed = await testMatch(worker, listedUrl);
  const unlisted = await testMatch(worker, unlistedUrl);
  if (listed.decisive !== 'allow') {
    failures.push(`${listedUrl} should be allowed; DNR: ${JSON.stringify(listed.matched)}`);
  }
  if (unlisted.decisive !== 'redirect') {
    failures.push(`${unlistedUrl} should be blocked; DNR: ${JSON.stringify(unlisted.matched)}`);
  }
  return {
    installMs: installMs.map(round1),
    installMedianMs: round1(quantile(installMs, 0.5)),
    enforceMs: round1(enforced.ms),
    writeMs: round1(enforced.writeMs),
    enforcedRuleCount: enforced.ruleCount,
    listed: { url: listedUrl, decisive: listed.decisive },
    unlisted: { url: unlistedUrl, decisive: unlisted.decisive },
  };
}
