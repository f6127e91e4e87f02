// Turns the bench's figures into the aligned text table and the JSON file.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BIG_LIST_SIZE, type BrowserBigList, type NodeCompile } from './big-list';
import { round1, roundSummary, summarize, type Summary } from './stats';
import { ruleSetLines } from './rule-sets';
import { formatInt, formatMs, formatRatio, formatTable } from './table';

export interface ReportRow {
  key: string;
  label: string;
  /** What the clock stopped on: a navigation's waitUntil, or what a worker timing waited for. */
  until: string;
  samples: number[];
  summary: Summary;
  /** Key of the row this one's median is divided by, if any. */
  baseline?: string;
  target?: string;
}

export const row = (fields: Omit<ReportRow, 'summary'>): ReportRow => ({
  ...fields,
  summary: summarize(fields.samples),
});

export interface Leaks {
  warm: number;
  cold: number;
  other: number;
  total: number;
}

export interface BenchReport {
  chromium: string;
  cores: number;
  /** 1-minute load average before and after: other work on the machine shows up here. */
  loadAverage: { before: number; after: number };
  warmup: number;
  runs: number;
  rounds: number;
  rows: ReportRow[];
  leaks: Leaks;
  workerStopMs: Summary;
  node: NodeCompile;
  browser: BrowserBigList;
  failures: string[];
}

function medianOf(report: BenchReport, key: string | undefined): number {
  return report.rows.find((candidate) => candidate.key === key)?.summary.median ?? Number.NaN;
}

const ratioOf = (report: BenchReport, row: ReportRow): number =>
  row.summary.median / medianOf(report, row.baseline);

export function renderText(report: BenchReport): string {
  const header = ['series', 'until', 'n', 'median', 'p90', 'ratio', 'target'];
  const rows = report.rows.map((row) => [
    row.label,
    row.until,
    String(row.summary.n),
    formatMs(row.summary.median),
    formatMs(row.summary.p90),
    row.baseline ? formatRatio(ratioOf(report, row)) : '',
    row.target ?? '',
  ]);
  const table = formatTable(
    [header, ...rows],
    ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );

  const newSiteRatio = (key: string) =>
    medianOf(report, key) / medianOf(report, 'plain-new-site-load');
  const { node, browser, leaks } = report;
  const counts = node.counts;
  const lines = [
    `Safe Class bench — Chromium ${report.chromium}, ${report.cores} cores ` +
      `(load average ${report.loadAverage.before.toFixed(1)} → ${report.loadAverage.after.toFixed(1)}), ` +
      `${report.runs} runs per series in ${report.rounds} interleaved rounds after ${report.warmup} warm-up (median / p90 ms)`,
    table,
    `blocked ÷ plain to a new site each time (same kind of navigation): ` +
      `warm ${formatRatio(newSiteRatio('blocked-warm-load'))}, ` +
      `cold ${formatRatio(newSiteRatio('blocked-cold-load'))}`,
    `requests leaked to blocked hosts: ${leaks.total} ` +
      `(warm ${leaks.warm}, cold ${leaks.cold}, other ${leaks.other})`,
    `stopping the worker before each cold run (untimed): median ${formatMs(report.workerStopMs.median)} ms`,
    `${formatInt(BIG_LIST_SIZE)} domains: compile ${formatInt(node.totalMs)} ms in Node ` +
      `(parse ${formatInt(node.buildMs)} + rules ${formatInt(node.compileMs)}; ` +
      `${formatInt(counts.total)} rules of ${formatInt(node.limits.dynamicRules)}, ` +
      `${formatInt(counts.unsafe)} redirect of ${formatInt(node.limits.unsafeDynamicRules)}, ` +
      `${formatInt(counts.regex)} regex of ${formatInt(node.limits.regexRules)}), ` +
      `install ${formatMs(browser.installMedianMs)} ms (median of ${browser.installMs.length}), ` +
      `storage→enforced ${formatMs(browser.enforceMs)} ms (of which the write ${formatMs(browser.writeMs)} ms)`,
    `  DNR after the big list: ${browser.listed.url} → ${browser.listed.decisive}, ` +
      `${browser.unlisted.url} → ${browser.unlisted.decisive}`,
    ...ruleSetLines(),
  ];
  for (const failure of report.failures) lines.push(`FAIL ${failure}`);
  lines.push(report.failures.length ? `FAIL: ${report.failures.length} problem(s)` : 'OK');
  return lines.join('\n');
}

export async function writeJson(report: BenchReport, file: string): Promise<void> {
  const json = {
    generatedAt: new Date().toISOString(),
    chromium: report.chromium,
    cores: report.cores,
    loadAverage: report.loadAverage,
    warmup: report.warmup,
    runsPerSeries: report.runs,
    series: report.rows.map((row) => ({
      key: row.key,
      label: row.label.trim(),
      until: row.until,
      ...roundSummary(row.summary),
      ratio: row.baseline ? Math.round(ratioOf(report, row) * 1000) / 1000 : null,
      ratioTo: row.baseline ?? null,
      target: row.target ?? null,
      samples: row.samples.map(round1),
    })),
    leaks: report.leaks,
    workerStopMs: roundSummary(report.workerStopMs),
    bigList: {
      domains: BIG_LIST_SIZE,
      node: {
        buildMs: round1(report.node.buildMs),
        compileMs: round1(report.node.compileMs),
        totalMs: round1(report.node.totalMs),
        counts: report.node.counts,
        limits: report.node.limits,
      },
      browser: report.browser,
    },
    failures: report.failures,
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
}
