// What the content scripts (the prompts: Zip It, Block It, copyright) cost an allowed page:
// main-thread time spent in the extension's scripts during a page load, read from a Chromium
// trace, and layout shift, with and without the extension, on a realistic page (an article with
// a form, a comment thread, links and pictures) that triggers no prompt. The keyword watch is
// the worker's and puts nothing into such a page; it runs all the same, with the bench's list.
//
// Main-thread time is the union of every trace slice on the page's renderer that names one of
// the extension's scripts (compiling and running its file, and the callbacks it left behind),
// so nested slices count once. The page's own total task time is printed beside it, as a
// comparison against a baseline in the same run, not as the measure: it swings by milliseconds
// between identical loads.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { html, type FixtureServer } from '../e2e/support/fixture-server';
import { summarize, type Summary } from './stats';
import { formatMs, formatRatio, formatTable } from './table';

const RUNS = 20;
/** document_idle scripts and their storage reads finish well within this after `load`. */
const AFTER_LOAD_MS = 400;
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-v8.compile'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: { url?: string }[] }; url?: string };
}

export interface LoadCost {
  /** Main-thread ms in the extension's scripts during the load. */
  scriptMs: number;
  /** Cumulative layout shift over the page's life until measured. */
  layoutShift: number;
  /** What moved in each shift (element and how far), so a shift can be traced to its cause. */
  shifted: string[];
  /** The page's whole main-thread task time (Performance.getMetrics TaskDuration), ms. */
  taskMs: number;
}

function articlePage(n: number): string {
  const paragraph =
    'Volcanoes form where the plates that make up the surface of the Earth move apart or ' +
    'push together. Hot rock called magma rises, and when it reaches the surface it is called ' +
    'lava. Some volcanoes erupt often; others have slept for thousands of years.';
  const paragraphs = Array.from({ length: 30 }, () => `<p>${paragraph}</p>`).join('');
  const links = Array.from(
    { length: 40 },
    (_, i) => `<li><a href="/page-${n}-${i}">More about volcanoes, part ${i}</a></li>`,
  ).join('');
  const pictures = Array.from(
    { length: 8 },
    (_, i) =>
      `<img width="120" height="80" alt="Volcano ${i}" src="data:image/svg+xml,` +
      `%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='80'%3E%3Crect width='120' ` +
      `height='80' fill='%23c2410c'/%3E%3C/svg%3E">`,
  ).join('');
  const comments = Array.from(
    { length: 12 },
    (_, i) =>
      `<li class="comment"><p>Great article ${i}! See <a href="https://other-${i}.example/">this</a>.</p></li>`,
  ).join('');
  return html(
    `Volcanoes ${n}`,
    `<main><h1>Volcanoes</h1>${pictures}${paragraphs}<ul>${links}</ul>` +
      `<section id="comments"><h2>Comments</h2><ol>${comments}</ol>` +
      `<form action="/comment" method="post"><label>Name <input name="name"></label>` +
      `<label>Comment <textarea name="comment"></textarea></label><button>Post</button></form>` +
      `</section></main>`,
  );
}

/** Sums the union of slices naming the extension's scripts, per thread. */
export function extensionScriptMs(events: readonly TraceEvent[], extensionOrigin: string): number {
  const byThread = new Map<string, [number, number][]>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const data = event.args?.data;
    const url = data?.url ?? event.args?.url ?? data?.stackTrace?.[0]?.url ?? '';
    if (!url.startsWith(extensionOrigin)) continue;
    const key = `${event.pid}:${event.tid}`;
    const spans = byThread.get(key) ?? [];
    spans.push([event.ts, event.ts + event.dur]);
    byThread.set(key, spans);
  }
  let total = 0;
  for (const spans of byThread.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    let [start, end] = spans[0] ?? [0, 0];
    for (const [from, to] of spans.slice(1)) {
      if (from > end) {
        total += end - start;
        [start, end] = [from, to];
      } else end = Math.max(end, to);
    }
    total += end - start;
  }
  return total / 1000;
}

async function collectTrace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (payload: { value: object[] }) => {
    events.push(...(payload.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES },
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return events;
}

async function measureLoad(page: Page, url: string, extensionOrigin: string): Promise<LoadCost> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let shifts = { sum: 0, shifted: [] as string[] };
  const events = await collectTrace(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    // A load that landed anywhere else (the block page) would measure that page instead.
    if (page.url() !== url) throw new Error(`${url} landed on ${page.url()}: is it allowed?`);
    await sleep(AFTER_LOAD_MS);
    shifts = await page.evaluate(
      () =>
        new Promise<{ sum: number; shifted: string[] }>((resolve) => {
          let sum = 0;
          const shifted: string[] = [];
          interface Source {
            node?: Node | null;
            previousRect: DOMRectReadOnly;
            currentRect: DOMRectReadOnly;
          }
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              const shift = entry as unknown as { value: number; sources?: Source[] };
              sum += shift.value;
              for (const { node, previousRect, currentRect } of shift.sources ?? []) {
                const name = node instanceof Element ? node.tagName.toLowerCase() : node?.nodeName;
                const id = node instanceof Element && node.id ? `#${node.id}` : '';
                shifted.push(
                  `${name ?? '(gone)'}${id} y ${previousRect.y}→${currentRect.y}, ` +
                    `h ${previousRect.height}→${currentRect.height}`,
                );
              }
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve({ sum, shifted }), 50);
        }),
    );
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskSeconds = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
  await cdp.detach();
  return {
    scriptMs: extensionScriptMs(events, extensionOrigin),
    layoutShift: shifts.sum,
    shifted: shifts.shifted,
    taskMs: taskSeconds * 1000,
  };
}

interface CostSummary {
  scriptMs: Summary;
  layoutShift: Summary;
  taskMs: Summary;
  /** Every distinct element a shift moved, over all loads. */
  shifted: string[];
}

export interface ContentScriptCost {
  plain: CostSummary;
  extension: CostSummary;
  scripts: string[];
}

/** Loads the article page RUNS times in each browser, alternating, each in a fresh page. */
export async function contentScriptCost(
  server: FixtureServer,
  plain: BrowserContext,
  extension: BrowserContext,
  extensionId: string,
  scripts: string[],
): Promise<ContentScriptCost> {
  const origin = `chrome-extension://${extensionId}/`;
  const samples = { plain: [] as LoadCost[], extension: [] as LoadCost[] };
  for (let i = -2; i < RUNS; i++) {
    for (const [key, context] of [
      ['plain', plain],
      ['extension', extension],
    ] as const) {
      const path = `/article-${key}-${i + 2}`;
      server.route('allowed.example', path, { body: articlePage(i) });
      const page = await context.newPage();
      try {
        const cost = await measureLoad(page, `https://allowed.example${path}`, origin);
        if (i >= 0) samples[key].push(cost);
      } finally {
        await page.close();
      }
    }
  }
  const summaries = (costs: LoadCost[]): CostSummary => ({
    scriptMs: summarize(costs.map((cost) => cost.scriptMs)),
    layoutShift: summarize(costs.map((cost) => cost.layoutShift)),
    taskMs: summarize(costs.map((cost) => cost.taskMs)),
    shifted: [...new Set(costs.flatMap((cost) => cost.shifted))],
  });
  return { plain: summaries(samples.plain), extension: summaries(samples.extension), scripts };
}

export function contentScriptLines(cost: ContentScriptCost): string[] {
  const row = (label: string, plain: Summary, extension: Summary, aim: string, ratio: boolean) => [
    label,
    String(extension.n),
    formatMs(plain.median),
    formatMs(extension.median),
    formatMs(extension.p90),
    ratio ? formatRatio(extension.median / plain.median) : '',
    aim,
  ];
  const shift = (summary: Summary) => summary.max.toFixed(4);
  return [
    `Content scripts on an allowed article page (a form, comments, 40 links, 8 pictures; no prompt raised), ` +
      `scripts registered: ${cost.scripts.join(', ')}`,
    formatTable(
      [
        ['page load (ms)', 'n', 'without', 'with', 'with p90', 'ratio', 'aim'],
        row(
          'main thread in extension scripts',
          cost.plain.scriptMs,
          cost.extension.scriptMs,
          '< 2 ms',
          false,
        ),
        row('  whole page, main-thread tasks', cost.plain.taskMs, cost.extension.taskMs, '', true),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    `layout shift (largest of ${cost.extension.layoutShift.n} loads): without ${shift(cost.plain.layoutShift)}, ` +
      `with ${shift(cost.extension.layoutShift)} (aim: no shift added)`,
    ...(['plain', 'extension'] as const).flatMap((key) =>
      cost[key].shifted.length ? [`  moved ${key}: ${cost[key].shifted.join('; ')}`] : [],
    ),
  ];
}
