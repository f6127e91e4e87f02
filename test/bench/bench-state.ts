// What one bench run collects (table rows, failures, leak counts) and the navigation series
// that feed it, shared by the plain-Chromium and with-extension phases.
import type { BrowserContext } from '@playwright/test';
import type { FixtureServer } from '../e2e/support/fixture-server';
import { runSeries, type SeriesOptions, type WaitUntil } from './navigation';
import { row, type Leaks, type ReportRow } from './report';

export const WARMUP = 3;
export const RUNS = 20;
/** Idle time after a browser starts: its first seconds are busy with start-up work of its own. */
export const SETTLE_MS = 2_000;
export const BLOCKED_HOST = /^blocked-\d+\.example$/;

const TARGETS: Record<string, string> = {
  'allowed-load': '≤ 1.03×',
  'blocked-warm-load': '≤ 1.3×',
  'blocked-cold-load': '≤ 1.8×',
};

export const allowedUrl = (i: number) => `https://allowed.example/page-${i + WARMUP}`;
/** Each blocked series gets its own hosts, so no two navigations share an address. */
export const blockedUrl = (first: number) => (i: number) =>
  `https://blocked-${first + i + WARMUP}.example/x`;

export interface SeriesSpec extends Pick<SeriesOptions, 'label' | 'urlFor' | 'check' | 'before'> {
  /** Row key prefix; the row's key is `${key}-${until}`. */
  key: string;
  until: WaitUntil;
  /** Row key to divide by; default the first plain series with the same waitUntil. */
  baseline?: string | null;
}

export class BenchState {
  readonly rows: ReportRow[] = [];
  readonly failures: string[] = [];
  readonly leaks: Leaks = { warm: 0, cold: 0, other: 0, total: 0 };

  constructor(readonly server: FixtureServer) {}

  /** Runs one series in its own page, adds its row, and returns requests that reached a blocked host. */
  async navigationSeries(context: BrowserContext, spec: SeriesSpec): Promise<number> {
    const mark = this.server.requests.length;
    const { key, until, baseline, ...rest } = spec;
    const result = await runSeries(context, {
      ...rest,
      waitUntil: until,
      warmup: WARMUP,
      runs: RUNS,
    });
    this.failures.push(...result.failures);
    const fullKey = `${key}-${until}`;
    const base = baseline === undefined ? `plain-${until}` : baseline;
    this.rows.push(
      row({
        key: fullKey,
        label: spec.label,
        until,
        samples: result.samples,
        ...(base && base !== fullKey ? { baseline: base } : {}),
        ...(TARGETS[fullKey] ? { target: TARGETS[fullKey] } : {}),
      }),
    );
    return this.server.requests.slice(mark).filter((r) => BLOCKED_HOST.test(r.host)).length;
  }

  /** Counts every request the fixture server saw for a blocked host, whatever the worker state. */
  countLeaks(): void {
    const leaks = this.leaks;
    leaks.total = this.server.requestsTo((r) => BLOCKED_HOST.test(r.host)).length;
    leaks.other = leaks.total - leaks.warm - leaks.cold;
    if (leaks.total > 0) this.failures.push(`${leaks.total} request(s) reached a blocked host`);
  }
}
