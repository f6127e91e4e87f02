// Safe Class bench: what the extension costs a navigation, measured against Chromium without it
// in the same run, plus how fast policy changes and a 100,000-domain list take effect.
// Prints figures and never asserts times; exits non-zero only when something is broken
// (a blocked address not on the block page, a request that reached a blocked host, a failed install).
//   npm run bench   (builds dist/, dist-test/ and the dashboard first; the Flag It part writes a
//                    Chromium policy file, so it needs root or CHROMIUM_POLICY_DIR, as e2e does)
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { launchBrowser, repoRoot } from '../e2e/support/launch';
import { writePolicyFile } from '../e2e/support/policy-file';
import { applyPolicy } from '../e2e/support/extension';
import {
  allowedUrl,
  BenchState,
  ROUNDS,
  RUNS,
  SETTLE_MS,
  WARMUP,
  type SeriesSpec,
} from './bench-state';
import { compileBigList } from './big-list';
import { contentScriptCost, contentScriptLines } from './content-script-cost';
import { snapshotDist, snapshotDistUnderOwnId } from './dist-snapshot';
import { extensionExtras, extensionSeries } from './extension-phase';
import { fanOutBench } from './fan-out';
import { flagBench } from './flag-bench';
import { landedOn } from './navigation';
import { renderText, writeJson } from './report';
import { summarize } from './stats';

const PLAIN_LABEL = 'plain navigation (no extension)';

/** Words no fixture page holds, so the worker's watch does its work and never raises the prompt. */
const BENCH_KEYWORDS = ['self harm', 'kill myself', 'grooming', 'nudes', 'islamic state'];

/** The baseline: the same Chromium with no extension at all, loading the same pages. */
const plainSeries: SeriesSpec[] = [
  { key: 'plain', label: PLAIN_LABEL, until: 'load', urlFor: allowedUrl, check: landedOn },
  { key: 'plain', label: PLAIN_LABEL, until: 'commit', urlFor: allowedUrl, check: landedOn },
  // Diagnostic: every blocked navigation goes to a site not visited before; so does this.
  {
    key: 'plain-new-site',
    label: '  plain, a new site each time',
    until: 'load',
    urlFor: (n) => `https://site-${n}.example/x`,
    check: landedOn,
  },
];

async function browserBench(): Promise<number> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  // Node first, before any browser competes for the two cores.
  const node = compileBigList();
  const dist = await snapshotDist();
  const distWithoutKeywords = await snapshotDistUnderOwnId();
  const server = await startFixtureServer();
  const bench = new BenchState(server);
  // Every feature on: a school keyword list makes the worker watch every page's address and
  // title, allowed ones included (managed policy, as a school sets it; read at browser start).
  const removePolicy = await writePolicyFile('safe-class-bench-keywords', {
    keywords: BENCH_KEYWORDS,
  });
  const plain = await launchBrowser({ extension: false, serverPort: server.port });
  const withExtension = await launchBrowser({ serverPort: server.port, distDir: dist.dir });
  // The same build under another id, which the policy file (and so the keyword list) misses.
  const withoutKeywords = await launchBrowser({
    serverPort: server.port,
    distDir: distWithoutKeywords.dir,
  });
  try {
    const { context, worker, extensionId } = withExtension;
    if (!worker || !extensionId) throw new Error('The extension did not start.');
    if (!withoutKeywords.worker || !withoutKeywords.extensionId) {
      throw new Error('The extension without a keyword list did not start.');
    }
    await applyPolicy(worker, { keyStage: 'ks2', ks2: ['allowed.example'] });
    await applyPolicy(withoutKeywords.worker, { keyStage: 'ks2', ks2: ['allowed.example'] });
    await sleep(SETTLE_MS);
    const scripts = await worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
    );
    if (!scripts.includes('prompts')) {
      throw new Error(`prompts is not registered (scripts: ${scripts.join(', ')})`);
    }
    // The keyword watch is the worker's now: no page may load it as a content script.
    if (scripts.includes('keyword-watch')) {
      throw new Error(`keyword-watch is registered (scripts: ${scripts.join(', ')})`);
    }

    const stopMs: number[] = [];
    const series = extensionSeries(
      { context, extensionId },
      { context: withoutKeywords.context, extensionId: withoutKeywords.extensionId },
      stopMs,
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const spec of plainSeries) await bench.navigationRound(plain.context, spec, round);
      for (const { spec, leaks, context: other } of series) {
        const leaked = await bench.navigationRound(other ?? context, spec, round);
        if (leaks) bench.leaks[leaks] += leaked;
      }
    }
    // Before the extras: they end with the 100,000-domain list in force, which would send the
    // article to the block page.
    const scriptCost = await contentScriptCost(
      server,
      plain.context,
      context,
      extensionId,
      scripts,
    );
    const browser = await extensionExtras(bench, context, extensionId, worker, node);
    bench.countLeaks();

    const report = {
      chromium: plain.context.browser()?.version() ?? '?',
      cores: cpus().length,
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
      warmup: WARMUP,
      runs: RUNS,
      rounds: ROUNDS,
      rows: bench.rows,
      leaks: bench.leaks,
      workerStopMs: summarize(stopMs),
      node,
      browser,
      failures: bench.failures,
    };
    console.log(renderText(report));
    console.log(contentScriptLines(scriptCost).join('\n'));
    const file = path.join(repoRoot, 'test-results', 'bench.json');
    await writeJson(report, file);
    console.log(`figures written to ${path.relative(process.cwd(), file) || file}`);
    return bench.failures.length ? 1 : 0;
  } finally {
    await withExtension.close();
    await withoutKeywords.close();
    await plain.close();
    await server.close();
    await dist.remove();
    await distWithoutKeywords.remove();
    await removePolicy();
  }
}

async function main(): Promise<number> {
  const code = await browserBench();
  // The hub's lesson fan-out, once the browsers have given back their share of the two cores.
  console.log((await fanOutBench()).join('\n'));
  // Flag It end to end (its own browser and hub process): latency and the chaos run.
  console.log((await flagBench()).join('\n'));
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('FAIL: the bench could not run:', error);
    process.exitCode = 1;
  },
);
