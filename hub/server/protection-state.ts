// Whether a pupil in a running lesson is protected, decided by the hub from what it heard: their
// devices' health reports (shared/device-health.ts) and their silence. Pure, so every case is a
// line in test/hub/protection-state.test.ts.
//
//   on       a device of theirs is connected (or was heard within the silence period) and its
//            latest report says the school's policy is in force;
//   off      a device reported that its filtering is not the school's policy ('unsafe'), or one
//            that was heard during the lesson has been silent longer than the silence period
//            ('silent'), or an alert for it is still open (the hub restarted meanwhile);
//   unknown  no device of theirs has been heard from during the lesson (absent, or the
//            Chromebook not switched on), or one is connected but has not reported yet.
import type { UnsafeReason } from '../../shared/device-health';
import type { ProtectionLive } from '../../shared/teacher-socket-protocol';

/** The part of a health report the decision reads. */
export interface ReportedHealth {
  /** By the hub's clock. */
  receivedAt: string;
  unsafe: readonly UnsafeReason[];
}

export interface ProtectionSignals {
  connected: boolean;
  /** When any device of the pupil was last heard from (any message), by the hub's clock. */
  lastSeen: string | null;
  health: ReportedHealth | null;
}

export type AlertKind = 'off' | 'unsafe';

export function protectionOf(
  signals: ProtectionSignals,
  context: {
    lesson: { startsAt: string };
    /** The pupil's open protection alert, if any. */
    openAlert: AlertKind | null;
    now: Date;
    silenceMs: number;
  },
): ProtectionLive {
  const { connected, lastSeen, health } = signals;
  const silentFor = lastSeen === null ? Infinity : context.now.getTime() - Date.parse(lastSeen);
  const heard = connected || (lastSeen !== null && lastSeen >= context.lesson.startsAt);
  const inGrace = connected || silentFor <= context.silenceMs;
  if (heard && inGrace && health && health.unsafe.length > 0) {
    return { state: 'off', reason: 'unsafe' };
  }
  if (context.openAlert) {
    return { state: 'off', reason: context.openAlert === 'unsafe' ? 'unsafe' : 'silent' };
  }
  if (!heard) return { state: 'unknown', reason: 'not-heard' };
  if (!inGrace) return { state: 'off', reason: 'silent' };
  if (!health) return { state: 'unknown', reason: 'no-report' };
  return { state: 'on', reason: null };
}

/** When a silent pupil's grace ends, or null if they are connected or were never heard. */
export function silenceEndsAt(signals: ProtectionSignals, silenceMs: number): number | null {
  if (signals.connected || signals.lastSeen === null) return null;
  return Date.parse(signals.lastSeen) + silenceMs;
}
