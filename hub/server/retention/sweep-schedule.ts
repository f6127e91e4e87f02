// Runs the retention sweep when the hub starts and every hour after, one sweep at a time. A sweep
// that fails is logged and the next one tries again: nothing is lost by waiting an hour.
import type { HubDb } from '../database';
import type { ErrorLog } from '../errors';
import { sweepRetention, type SweepResult } from './retention-sweep';

export const SWEEP_EVERY_MS = 60 * 60_000;

export interface SweepSchedule {
  /** Resolves when the sweep started at start-up has finished (tests wait on it). */
  firstSweep: Promise<void>;
  stop(): void;
}

export function scheduleRetentionSweeps(options: {
  db: HubDb;
  now: () => Date;
  log: ErrorLog;
  everyMs?: number;
  batchSize?: number;
  /** Hears each finished sweep (for the log or a test). */
  onSweep?: (results: SweepResult[]) => void;
}): SweepSchedule {
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const results = await sweepRetention(options.db, {
        now: options.now,
        batchSize: options.batchSize,
      });
      options.onSweep?.(results);
    } catch (error) {
      options.log('The retention sweep failed; it runs again within the hour', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), options.everyMs ?? SWEEP_EVERY_MS);
  timer.unref();
  return {
    firstSweep: run(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
