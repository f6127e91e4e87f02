// The school's open protection alerts, for the DSL and the admin: read at login and whenever the
// hub's `flags` nudge says an alert (or a flag) changed, over their own teacher socket so it can
// drop and come back on its own (or read every 5 s while it is down).
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { watchFlagsOverSocket } from './teacher-socket';

export type ProtectionAlertView = InferResponseType<
  (typeof hub.api)['protection-alerts']['$get']
>['alerts'][number];

export const protectionAlerts = signal<ProtectionAlertView[] | null>(null);
export const protectionAlertsError = signal<string | null>(null);

const POLL_MS = 5_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

let reads = 0;

export async function loadProtectionAlerts(): Promise<void> {
  const mine = ++reads;
  try {
    const answer = await read(hub.api['protection-alerts'].$get({ query: { status: 'open' } }));
    if (mine !== reads) return;
    protectionAlerts.value = answer.alerts;
    protectionAlertsError.value = null;
  } catch (error) {
    if (mine === reads) protectionAlertsError.value = errorText(error);
  }
}

/** Follows the alerts until the function returned is called (at logout). */
export function watchProtectionAlerts(): () => void {
  let stopped = false;
  let attempts = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let close = () => {};

  function poll() {
    pollTimer = setTimeout(async () => {
      await loadProtectionAlerts();
      if (!stopped && pollTimer !== undefined) poll();
    }, POLL_MS);
  }

  function connect() {
    close = watchFlagsOverSocket({
      onFlags() {
        if (stopped) return;
        attempts = 0;
        clearTimeout(pollTimer);
        pollTimer = undefined;
        void loadProtectionAlerts();
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

  void loadProtectionAlerts();
  connect();
  return () => {
    stopped = true;
    clearTimeout(pollTimer);
    clearTimeout(retryTimer);
    close();
    // Forgotten at logout, so the next person on this screen never sees them.
    reads += 1;
    protectionAlerts.value = null;
    protectionAlertsError.value = null;
  };
}
