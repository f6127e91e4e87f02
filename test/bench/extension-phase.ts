// Everything measured in Chromium with the extension loaded: the navigation series (allowed,
// blocked with the worker running, the block page opened directly, blocked with the worker
// stopped), then policy changes, worker wakes and the 100,000-domain list. The big list goes
// last because it replaces the rules the rest rely on.
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Worker } from '@playwright/test';
import { settingsWith } from '../e2e/support/extension';
import { stopExtensionWorkers } from '../e2e/support/launch';
import { allowedUrl, blockedUrl, type BenchState, type SeriesSpec } from './bench-state';
import { benchBigListInWorker, type BrowserBigList, type NodeCompile } from './big-list';
import { blockedAs, landedOn, runSeries } from './navigation';
import { row } from './report';
import { timeWakeToReady } from './wake';
import { timePolicyChange } from './worker-timing';

const POLICY_RUNS = 10;
const POLICY_TIMEOUT_MS = 10_000;
const WAKE_RUNS = 5;
const BIG_WAKE_RUNS = 3;

export interface ExtensionSeries {
  spec: SeriesSpec;
  /** Which leak count a blocked series adds to. */
  leaks?: 'warm' | 'cold';
  /** The browser it runs in, when not the one with the school's keyword list. */
  context?: BrowserContext;
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
}

const stopsWorker = (extension: LoadedExtension, stopMs: number[]) => async () => {
  const start = performance.now();
  await stopExtensionWorkers(extension.context, extension.extensionId);
  stopMs.push(performance.now() - start);
};

/**
 * The navigation series run with the extension; `stopMs` collects the untimed worker stops.
 * `withoutKeywords` is the same build in a browser the keyword list does not reach.
 */
export function extensionSeries(
  { context, extensionId }: LoadedExtension,
  withoutKeywords: LoadedExtension,
  stopMs: number[],
): ExtensionSeries[] {
  const check = blockedAs('ks2');
  const stopWorker = stopsWorker({ context, extensionId }, stopMs);
  // The query differs each time: a change of fragment alone would be a same-document navigation.
  const direct = (n: number) =>
    `chrome-extension://${extensionId}/extension/blocked.html?ks=ks2&why=list&n=${n}` +
    `#https://direct-${n}.example/x`;
  const label = { allowed: 'allowed, with extension', warm: 'blocked, warm worker' };
  return [
    {
      spec: {
        key: 'allowed',
        label: label.allowed,
        until: 'load',
        urlFor: allowedUrl,
        check: landedOn,
      },
    },
    {
      spec: {
        key: 'allowed',
        label: label.allowed,
        until: 'commit',
        urlFor: allowedUrl,
        check: landedOn,
      },
    },
    // An allowed page with the worker stopped first: while the school has a keyword list the
    // worker watches each tab's address and title, so a page load wakes it (README, "Keyword
    // alerts"). Stopping a worker leaves Chromium busy for a moment of its own, so the row
    // after it stops the worker the same way in a browser with no list, where nothing wakes it:
    // the difference between the two is what the wake costs the page.
    {
      spec: {
        key: 'allowed-cold',
        label: 'allowed, cold worker',
        until: 'load',
        urlFor: (n) => allowedUrl(5_000 + n),
        check: landedOn,
        before: stopWorker,
      },
    },
    {
      spec: {
        key: 'allowed-cold-no-keywords',
        label: '  … no keyword list (no wake)',
        until: 'load',
        urlFor: (n) => allowedUrl(6_000 + n),
        check: landedOn,
        before: stopsWorker(withoutKeywords, stopMs),
      },
      context: withoutKeywords.context,
    },
    {
      spec: { key: 'blocked-warm', label: label.warm, until: 'load', urlFor: blockedUrl(0), check },
      leaks: 'warm',
    },
    {
      spec: {
        key: 'blocked-warm',
        label: label.warm,
        until: 'commit',
        urlFor: blockedUrl(1_000),
        check,
      },
      leaks: 'warm',
    },
    // Diagnostic: the block page itself, with no redirect in front of it.
    {
      spec: {
        key: 'direct',
        label: '  block page opened directly',
        until: 'load',
        urlFor: direct,
        check: landedOn,
      },
    },
    {
      spec: {
        key: 'blocked-cold',
        label: 'blocked, cold worker',
        until: 'load',
        urlFor: blockedUrl(2_000),
        check,
        before: stopWorker,
      },
      leaks: 'cold',
    },
    {
      spec: {
        key: 'blocked-cold',
        label: 'blocked, cold worker',
        until: 'commit',
        urlFor: blockedUrl(3_000),
        check,
        before: stopWorker,
      },
      leaks: 'cold',
    },
  ];
}

/** Worker wakes, policy changes and the 100,000-domain list, after the navigation rounds. */
export async function extensionExtras(
  bench: BenchState,
  context: BrowserContext,
  extensionId: string,
  worker: Worker,
  node: NodeCompile,
): Promise<BrowserBigList> {
  // A stopped worker, woken by a message, until it answers. Leaves it running.
  const wake = await timeWakeToReady(context, extensionId, worker, WAKE_RUNS);
  bench.extraRows.push(
    row({ key: 'wake', label: 'worker wake → ready', until: 'reply', samples: wake }),
  );

  // Policy change → enforcement record, alternating two small policies (one warm-up).
  const policies = [
    settingsWith({ keyStage: 'ks2', ks2: ['allowed.example', 'policy-a.example'] }),
    settingsWith({ keyStage: 'ks2', ks2: ['allowed.example', 'policy-b.example'] }),
  ];
  const samples: number[] = [];
  for (let i = -1; i < POLICY_RUNS; i++) {
    const timing = await timePolicyChange(worker, policies[(i + 2) % 2]!, POLICY_TIMEOUT_MS);
    if (timing.lastError) bench.failures.push(`policy change not installed: ${timing.lastError}`);
    if (i >= 0) samples.push(timing.ms);
  }
  bench.extraRows.push(
    row({ key: 'policy', label: 'policy change → enforced', until: 'record', samples }),
  );

  // The 100,000-domain list: install, storage → enforced, DNR's verdicts; then a wake with it
  // stored, and one real page either side of the list.
  const browser = await benchBigListInWorker(worker, node.compiled, bench.failures);
  const bigWake = await timeWakeToReady(context, extensionId, worker, BIG_WAKE_RUNS);
  bench.extraRows.push(
    row({ key: 'wake-big', label: '  … with 100,000 domains', until: 'reply', samples: bigWake }),
  );
  for (const [url, landing] of [
    ['https://school12345.example.org/', landedOn],
    ['https://blocked-99999.example/x', blockedAs('ks2')],
  ] as const) {
    const once = {
      label: 'after the big list',
      waitUntil: 'load',
      urlFor: () => url,
      check: landing,
      warmup: 0,
      runs: 1,
    } as const;
    bench.failures.push(...(await runSeries(context, once)).failures);
  }
  return browser;
}
