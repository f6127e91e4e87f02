// Reads something the hub's `flags` nudge covers (flags, keyword alerts, protection alerts): at
// once, again on every nudge over a teacher socket of its own, and every `pollMs` while that
// socket is down, trying it again with a growing wait.
import { watchFlagsOverSocket } from './teacher-socket';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/** Follows the nudges until the function returned is called. */
export function followFlagNudges(load: () => Promise<void>, pollMs: number): () => void {
  let stopped = false;
  let attempts = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let close = () => {};

  function poll() {
    pollTimer = setTimeout(async () => {
      await load();
      if (!stopped && pollTimer !== undefined) poll();
    }, pollMs);
  }

  function connect() {
    close = watchFlagsOverSocket({
      onFlags() {
        if (stopped) return;
        attempts = 0;
        clearTimeout(pollTimer);
        pollTimer = undefined;
        void load();
      },
      onDown() {
        if (stopped) return;
        if (pollTimer === undefined) poll();
        const wait = RETRY_MS[Math.min(attempts, RETRY_MS.length - 1)];
        attempts += 1;
        retryTimer = setTimeout(connect, wait);
      },
    });
  }

  void load();
  connect();
  return () => {
    stopped = true;
    clearTimeout(pollTimer);
    clearTimeout(retryTimer);
    close();
  };
}
