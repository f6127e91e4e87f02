// Safe Class bench: what the extension costs a navigation, measured against Chromium without it
// in the same run, plus how fast policy changes and a 100,000-domain list take effect.
// Prints figures and never asserts times; exits non-zero only when something is broken
// (a blocked address not on the block page, a request that reached a blocked host, a failed install).
//   npm run bench   (builds dist/ first)
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFixtureServer } from '../e2e/support/fixture-server';
import { launchBrowser, repoRoot } from '../e2e/support/launch';
import { allowedUrl, BenchState, RUNS, SETTLE_MS, WARMUP } from './bench-state';
import { compileBigList } from './big-list';
import { snapshotDist } from './dist-snapshot';
import { extensionPhase } from './extension-phase';
import { landedOn } from './navigation';
import { renderText, writeJson } from './report';

const PLAIN_LABEL = 'plain navigation (no extension)';

/**
 * 1. The baseline: the same Chromium with no extension at all. Run again at the end ('again')
 * so the table shows how far the machine's own load drifted during the run.
 */
async function plainPhase(bench: BenchState, again: boolean): Promise<string> {
  const plain = await launchBrowser({ extension: false, serverPort: bench.server.port });
  try {
    await sleep(SETTLE_MS);
    for (const until of again ? (['load'] as const) : (['load', 'commit'] as const)) {
      await bench.navigationSeries(plain.context, {
        key: again ? 'plain-again' : 'plain',
        label: again ? '  plain again, at the end' : PLAIN_LABEL,
        until,
        urlFor: allowedUrl,
        check: landedOn,
      });
    }
    if (!again) {
      // Diagnostic: every blocked navigation goes to a site not visited before; so does this.
      await bench.navigationSeries(plain.context, {
        key: 'plain-new-site',
        label: '  plain, a new site each time',
        until: 'load',
        urlFor: (i) => `https://site-${i + WARMUP}.example/x`,
        check: landedOn,
      });
    }
    return plain.context.browser()?.version() ?? '?';
  } finally {
    await plain.close();
  }
}

async function main(): Promise<number> {
  const loadBefore = loadavg()[0] ?? Number.NaN;
  // Node first, before any browser competes for the two cores.
  const node = compileBigList();
  const dist = await snapshotDist();
  try {
    const server = await startFixtureServer();
    try {
      const bench = new BenchState(server);
      const chromium = await plainPhase(bench, false);
      const { workerStopMs, browser } = await extensionPhase(bench, dist.dir, node);
      await plainPhase(bench, true);
      bench.countLeaks();

      const report = {
        chromium,
        cores: cpus().length,
        loadAverage: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
        warmup: WARMUP,
        runs: RUNS,
        rows: bench.rows,
        leaks: bench.leaks,
        workerStopMs,
        node,
        browser,
        failures: bench.failures,
      };
      console.log(renderText(report));
      const file = path.join(repoRoot, 'test-results', 'bench.json');
      await writeJson(report, file);
      console.log(`figures written to ${path.relative(process.cwd(), file) || file}`);
      return bench.failures.length ? 1 : 0;
    } finally {
      await server.close();
    }
  } finally {
    await dist.remove();
  }
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
