// Everything measured in Chromium with the extension loaded, in one browser, in this order:
// allowed and blocked navigations (worker running, then stopped), policy changes, and the
// 100,000-domain list. The big list goes last because it replaces the rules the rest rely on.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyPolicy, settingsWith } from '../e2e/support/extension';
import { launchBrowser, stopExtensionWorkers } from '../e2e/support/launch';
import { allowedUrl, blockedUrl, SETTLE_MS, WARMUP, type BenchState } from './bench-state';
import { benchBigListInWorker, type BrowserBigList, type NodeCompile } from './big-list';
import { blockedAs, landedOn, runSeries } from './navigation';
import { row } from './report';
import { summarize, type Summary } from './stats';
import { timeWakeToReady } from './wake';
import { timePolicyChange } from './worker-timing';

const POLICY_RUNS = 10;
const POLICY_TIMEOUT_MS = 10_000;
const WAKE_RUNS = 5;
const BIG_WAKE_RUNS = 3;
const WAITS = ['load', 'commit'] as const;

export interface ExtensionPhase {
  workerStopMs: Summary;
  browser: BrowserBigList;
}

export async function extensionPhase(
  bench: BenchState,
  distDir: string,
  node: NodeCompile,
): Promise<ExtensionPhase> {
  const launched = await launchBrowser({ serverPort: bench.server.port, distDir });
  const { context, worker, extensionId } = launched;
  try {
    if (!worker || !extensionId) throw new Error('The extension did not start.');
    await applyPolicy(worker, { keyStage: 'ks2', ks2: ['allowed.example'] });
    await sleep(SETTLE_MS);
    const check = blockedAs('ks2');

    // 2. Allowed pages; 3. blocked pages with the worker running.
    for (const until of WAITS) {
      const label = 'allowed, with extension';
      await bench.navigationSeries(context, {
        key: 'allowed',
        label,
        until,
        urlFor: allowedUrl,
        check: landedOn,
      });
    }
    for (const [index, until] of WAITS.entries()) {
      const urlFor = blockedUrl(100 * index);
      bench.leaks.warm += await bench.navigationSeries(context, {
        key: 'blocked-warm',
        label: 'blocked, warm worker',
        until,
        urlFor,
        check,
      });
    }
    // Diagnostic: the block page itself, opened directly with no redirect in front of it. The
    // query differs each time: a change of fragment alone would be a same-document navigation.
    const direct = (i: number) =>
      `chrome-extension://${extensionId}/extension/blocked.html?ks=ks2&why=list&n=${i + WARMUP}` +
      `#https://direct-${i + WARMUP}.example/x`;
    await bench.navigationSeries(context, {
      key: 'direct',
      label: '  block page opened directly',
      until: 'load',
      urlFor: direct,
      check: landedOn,
    });

    // 4. Blocked pages with the worker stopped before every navigation (the stop is untimed).
    const stopMs: number[] = [];
    const before = async () => {
      const start = performance.now();
      await stopExtensionWorkers(context, extensionId);
      stopMs.push(performance.now() - start);
    };
    for (const [index, until] of WAITS.entries()) {
      const urlFor = blockedUrl(200 + 100 * index);
      bench.leaks.cold += await bench.navigationSeries(context, {
        key: 'blocked-cold',
        label: 'blocked, cold worker',
        until,
        urlFor,
        check,
        before,
      });
    }
    // Diagnostic: a stopped worker, woken by a message, until it answers. Leaves it running.
    const wake = await timeWakeToReady(context, extensionId, worker, WAKE_RUNS);
    bench.rows.push(
      row({ key: 'wake', label: 'worker wake → ready', until: 'reply', samples: wake }),
    );

    // 6. Policy change → enforcement record, alternating two small policies (one warm-up).
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
    bench.rows.push(
      row({ key: 'policy', label: 'policy change → enforced', until: 'record', samples }),
    );

    // 7. The 100,000-domain list: install, storage → enforced, DNR's verdicts; then a wake with
    // it stored, and one real page either side of the list.
    const browser = await benchBigListInWorker(worker, node.compiled, bench.failures);
    const bigWake = await timeWakeToReady(context, extensionId, worker, BIG_WAKE_RUNS);
    bench.rows.push(
      row({ key: 'wake-big', label: '  … with 100,000 domains', until: 'reply', samples: bigWake }),
    );
    for (const [url, landing] of [
      ['https://school12345.example.org/', landedOn],
      ['https://blocked-999.example/x', check],
    ] as const) {
      const label = 'after the big list';
      const once = {
        label,
        waitUntil: 'load',
        urlFor: () => url,
        check: landing,
        warmup: 0,
        runs: 1,
      } as const;
      bench.failures.push(...(await runSeries(context, once)).failures);
    }
    return { workerStopMs: summarize(stopMs), browser };
  } finally {
    await launched.close();
  }
}
