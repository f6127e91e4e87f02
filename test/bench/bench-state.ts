// What one bench run collects (table rows, failures, leak counts) and the navigation series
// that feed it, shared by the plain-Chromium and with-extension phases.
import type { BrowserContext } from '@playwright/test';
import type { FixtureServer } from '../e2e/support/fixture-server';
import { runSeries, type SeriesOptions, type WaitUntil } from './navigation';
import { row, type Leaks, type ReportRow } from './report';

export const WARMUP = 3;
export const RUNS = 40;
/**
 * The runs of every navigation series are spread over this many rounds, and each round runs
 * every series in turn: the machine's load drifts during a run (by 20% in a minute here), and
 * interleaving makes that drift fall on all series alike instead of on whichever ran last.
 */
export const ROUNDS = 8;
/** Idle time after a browser starts: its first seconds are busy with start-up work of its own. */
export const SETTLE_MS = 2_000;
export const BLOCKED_HOST = /^blocked-\d+\.example$/;

const TARGETS: Record<string, string> = {
  'allowed-load': '≤ 1.03×',
  'blocked-warm-load': '≤ 1.3×',
  'blocked-cold-load': '≤ 1.8×',
};

export const allowedUrl = (n: number) => `https://allowed.example/page-${n}`;
/** Each blocked series gets its own hosts, so no two navigations share an address. */
export const blockedUrl = (first: number) => (n: number) =>
  `https://blocked-${first + n}.example/x`;

export interface SeriesSpec extends Pick<SeriesOptions, 'label' | 'check' | 'before'> {
  /** Row key prefix; the row's key is `${key}-${until}`. */
  key: string;
  until: WaitUntil;
  /** The address for the n-th navigation of this series (n counts warm-ups too, from 0). */
  urlFor(n: number): string;
  /** Row key to divide by; default the plain series with the same waitUntil. */
  baseline?: string | null;
}

interface Collected {
  spec: SeriesSpec;
  samples: number[];
  navigations: number;
}

export class BenchState {
  readonly failures: string[] = [];
  readonly leaks: Leaks = { warm: 0, cold: 0, other: 0, total: 0 };
  readonly extraRows: ReportRow[] = [];
  private readonly series = new Map<string, Collected>();

  constructor(readonly server: FixtureServer) {}

  /**
   * Runs this round's share of one series in its own page (warm-ups only in the first round)
   * and returns how many requests reached a blocked host meanwhile.
   */
  async navigationRound(context: BrowserContext, spec: SeriesSpec, round: number): Promise<number> {
    const fullKey = `${spec.key}-${spec.until}`;
    const collected = this.series.get(fullKey) ?? { spec, samples: [], navigations: 0 };
    this.series.set(fullKey, collected);
    const mark = this.server.requests.length;
    const warmup = round === 0 ? WARMUP : 0;
    const first = collected.navigations;
    const result = await runSeries(context, {
      label: spec.label,
      check: spec.check,
      ...(spec.before ? { before: spec.before } : {}),
      waitUntil: spec.until,
      urlFor: (i) => spec.urlFor(first + warmup + i),
      warmup,
      runs: RUNS / ROUNDS,
    });
    collected.navigations += warmup + RUNS / ROUNDS;
    collected.samples.push(...result.samples);
    this.failures.push(...result.failures);
    return this.server.requests.slice(mark).filter((r) => BLOCKED_HOST.test(r.host)).length;
  }

  /** The table's rows: navigation series in the order first run, then the other figures. */
  get rows(): ReportRow[] {
    const navigation = [...this.series.entries()].map(([fullKey, { spec, samples }]) => {
      const base = spec.baseline === undefined ? `plain-${spec.until}` : spec.baseline;
      return row({
        key: fullKey,
        label: spec.label,
        until: spec.until,
        samples,
        ...(base && base !== fullKey ? { baseline: base } : {}),
        ...(TARGETS[fullKey] ? { target: TARGETS[fullKey] } : {}),
      });
    });
    return [...navigation, ...this.extraRows];
  }
  /** Counts every request the fixture server saw for a blocked host, whatever the worker state. */
  countLeaks(): void {
    const leaks = this.leaks;
    leaks.total = this.server.requestsTo((r) => BLOCKED_HOST.test(r.host)).length;
    leaks.other = leaks.total - leaks.warm - leaks.cold;
    if (leaks.total > 0) this.failures.push(`${leaks.total} request(s) reached a blocked host`);
  }
}
