// Delivers what the device keeps for the hub until the hub confirms it holds it ("ask to visit"
// requests, flags and keyword alerts). A kind knows only how to send its next batch. Retrying, its backoff
// and the alarm that outlives the worker live here, the same for every kind. The retry record
// is in storage.local, so a worker stopped mid-backoff picks up where it left off.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { createSerialQueue } from '../serial-queue';
import { LOCAL_KEYS } from '../storage-keys';

export type BatchOutcome =
  /** Nothing is waiting, or there is nowhere to send it (no hub): nothing to retry. */
  | { kind: 'idle' }
  | { kind: 'sent'; more: boolean }
  /** Try again later; no sooner than `retryAfterMs` when the hub said so. */
  | { kind: 'failed'; reason: string; retryAfterMs?: number };

export interface OutboxKind {
  /** Names the kind's alarm and retry record, so it must not change once released. */
  name: string;
  /** Sends the oldest waiting records, at most one upload's worth, and marks what arrived. */
  sendBatch(): Promise<BatchOutcome>;
}

export interface DeliverOptions {
  /**
   * There is reason to think the hub takes records now (a new one was just written, or the hub
   * socket just opened), so a backoff wait is cut short. A wait the hub asked for still holds.
   */
  urgent?: boolean;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5 * 60_000;
/** One run yields after this many batches, so a long outbox can't hold the queue. */
const MAX_BATCHES_PER_RUN = 20;

const retrySchema = z.object({
  failures: z.number().int().min(1),
  /** Epoch milliseconds before which only an urgent trigger tries again. */
  notBefore: z.number(),
  /** The hub set the wait (429 Retry-After), so not even an urgent trigger cuts it short. */
  hubAsked: z.boolean(),
});
type Retry = z.infer<typeof retrySchema>;
const retriesSchema = z.record(z.string(), retrySchema);

export const outboxAlarmName = (kind: Pick<OutboxKind, 'name'>) => `outbox-retry:${kind.name}`;

/**
 * Exponential backoff with "equal jitter": half the wait is fixed, so it still grows, and half
 * random, so a classroom of devices that lost the hub together don't all return in one second.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

// Runs one at a time, so two triggers never send the same batch twice and the retry record is
// never written by two runs at once. A trigger while a run is queued joins that run.
const runSerially = createSerialQueue();
const queued = new Map<string, { urgent: boolean; done: Promise<void> }>();
// The fast path while the worker lives (an alarm waits at least 30 s); the alarm is the truth.
const timers = new Map<string, ReturnType<typeof setTimeout>>();

async function readRetries(): Promise<Record<string, Retry>> {
  const stored = await browser.storage.local.get(LOCAL_KEYS.outboxRetry);
  const parsed = retriesSchema.safeParse(stored[LOCAL_KEYS.outboxRetry]);
  return parsed.success ? parsed.data : {};
}

async function writeRetry(name: string, retry: Retry | null): Promise<void> {
  const retries = await readRetries();
  if (retry) retries[name] = retry;
  else delete retries[name];
  await browser.storage.local.set({ [LOCAL_KEYS.outboxRetry]: retries });
}

async function armRetry(kind: OutboxKind, at: number): Promise<void> {
  clearTimeout(timers.get(kind.name));
  const timer = setTimeout(
    () => {
      timers.delete(kind.name);
      void deliverOutbox(kind);
    },
    Math.max(0, at - Date.now()),
  );
  timers.set(kind.name, timer);
  await browser.alarms.create(outboxAlarmName(kind), { when: at });
}

async function settle(kind: OutboxKind): Promise<void> {
  clearTimeout(timers.get(kind.name));
  timers.delete(kind.name);
  if ((await readRetries())[kind.name]) await writeRetry(kind.name, null);
  await browser.alarms.clear(outboxAlarmName(kind));
}

async function run(kind: OutboxKind, urgent: boolean): Promise<void> {
  const retry = (await readRetries())[kind.name];
  if (retry && Date.now() < retry.notBefore && (!urgent || retry.hubAsked)) {
    // Still waiting; re-armed in case the worker restarted and lost its timer.
    await armRetry(kind, retry.notBefore);
    return;
  }
  let failures = retry?.failures ?? 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
    let outcome: BatchOutcome;
    try {
      outcome = await kind.sendBatch();
    } catch (error) {
      outcome = { kind: 'failed', reason: String(error) };
    }
    if (outcome.kind === 'failed') {
      failures += 1;
      const wait = Math.max(retryDelayMs(failures), outcome.retryAfterMs ?? 0);
      const notBefore = Date.now() + wait;
      await writeRetry(kind.name, {
        failures,
        notBefore,
        hubAsked: outcome.retryAfterMs !== undefined,
      });
      await armRetry(kind, notBefore);
      console.warn(
        `Outbox ${kind.name}: ${outcome.reason}; next try in ${Math.ceil(wait / 1000)} s`,
      );
      return;
    }
    if (outcome.kind === 'idle' || !outcome.more) {
      await settle(kind);
      return;
    }
    failures = 0;
  }
  // More is waiting after a long run: a fresh run carries on shortly, behind anything queued.
  await settle(kind);
  await armRetry(kind, Date.now() + FIRST_RETRY_MS);
}

/** Sends what this kind has waiting, now or after its backoff. Never rejects. */
export function deliverOutbox(kind: OutboxKind, options: DeliverOptions = {}): Promise<void> {
  const waiting = queued.get(kind.name);
  if (waiting) {
    waiting.urgent ||= Boolean(options.urgent);
    return waiting.done;
  }
  const entry = { urgent: Boolean(options.urgent), done: Promise.resolve() };
  entry.done = runSerially(async () => {
    queued.delete(kind.name);
    await run(kind, entry.urgent);
  }).catch((error) => console.error(`Outbox ${kind.name} failed`, error));
  queued.set(kind.name, entry);
  return entry.done;
}
