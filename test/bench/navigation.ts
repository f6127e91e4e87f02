// One navigation series: a fresh page, a few untimed warm-up navigations, then timed ones.
// The wall clock runs around page.goto only; anything a series does between navigations (such
// as stopping the extension's worker) is outside it.
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { BLOCK_PAGE } from '../e2e/support/extension';
import { summarize, type Summary } from './stats';

export type WaitUntil = 'load' | 'commit';

export interface SeriesOptions {
  label: string;
  waitUntil: WaitUntil;
  /** The address for iteration i; warm-up iterations use negative i. */
  urlFor(i: number): string;
  /** Why the landing page is wrong, or null when it is right. */
  check(page: Page, url: string): string | null;
  /** Untimed work before each navigation, warm-ups included. */
  before?(i: number): Promise<void>;
  warmup: number;
  runs: number;
}

export interface SeriesResult {
  label: string;
  waitUntil: WaitUntil;
  samples: number[];
  summary: Summary;
  failures: string[];
}

export async function runSeries(
  context: BrowserContext,
  options: SeriesOptions,
): Promise<SeriesResult> {
  const page = await context.newPage();
  const samples: number[] = [];
  const failures: string[] = [];
  try {
    for (let i = -options.warmup; i < options.runs; i++) {
      const url = options.urlFor(i);
      await options.before?.(i);
      const start = performance.now();
      await page.goto(url, { waitUntil: options.waitUntil });
      const elapsed = performance.now() - start;
      // A commit-timed navigation keeps loading; let it finish so it can't slow the next one.
      if (options.waitUntil === 'commit') await page.waitForLoadState('load');
      const problem = options.check(page, url);
      if (problem) failures.push(`${options.label}: ${url} → ${problem}`);
      if (i >= 0) samples.push(elapsed);
    }
  } finally {
    await page.close();
  }
  return {
    label: options.label,
    waitUntil: options.waitUntil,
    samples,
    summary: summarize(samples),
    failures,
  };
}

/** The page shows the address itself (the fixture server answered it). */
export function landedOn(page: Page, url: string): string | null {
  return page.url() === url ? null : `landed on ${page.url()}`;
}

/** The page is the block page for exactly this address, in this key stage's form. */
export function blockedAs(keyStage: 'ks1' | 'ks2') {
  return (page: Page, url: string): string | null => {
    const final = page.url();
    if (!BLOCK_PAGE.test(final)) return `not the block page: ${final}`;
    const parsed = new URL(final);
    if (parsed.searchParams.get('ks') !== keyStage) return `wrong key stage: ${final}`;
    if (decodeURI(parsed.hash.slice(1)) !== url) return `block page names another URL: ${final}`;
    return null;
  };
}
