// The school's open protection alerts, for the DSL and the admin: read at login and whenever the
// hub's `flags` nudge says an alert (or a flag) changed, over their own teacher socket so it can
// drop and come back on its own (or read every 5 s while it is down).
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { followFlagNudges } from './flag-nudges';

export type ProtectionAlertView = InferResponseType<
  (typeof hub.api)['protection-alerts']['$get']
>['alerts'][number];

export const protectionAlerts = signal<ProtectionAlertView[] | null>(null);
export const protectionAlertsError = signal<string | null>(null);

const POLL_MS = 5_000;

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
  const stop = followFlagNudges(loadProtectionAlerts, POLL_MS);
  return () => {
    stop();
    // Forgotten at logout, so the next person on this screen never sees them.
    reads += 1;
    protectionAlerts.value = null;
    protectionAlertsError.value = null;
  };
}
