// A pupil's protection in a lesson as an icon and words ("Protection off: the device went
// silent"), so it never rests on colour alone.
import type { ProtectionLive } from '../../shared/teacher-socket-protocol';
import { PathIcon } from './icons';
import { t, type StringKey } from './strings';

const LABELS: Record<ProtectionLive['state'], StringKey> = {
  on: 'protection_on',
  off: 'protection_off',
  unknown: 'protection_unknown',
};

const WHY: Record<NonNullable<ProtectionLive['reason']>, StringKey> = {
  unsafe: 'protection_why_unsafe',
  silent: 'protection_why_silent',
  'not-heard': 'protection_why_not_heard',
  'no-report': 'protection_why_no_report',
};

const PATHS: Record<ProtectionLive['state'], string> = {
  // A shield.
  on: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z',
  // A shield with a cross through it.
  off: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm-3.5 6 3.5 3.5L15.5 8l1.4 1.4-3.5 3.6 3.5 3.5-1.4 1.4-3.5-3.5-3.5 3.5-1.4-1.4 3.5-3.5-3.5-3.6L8.5 8Z',
  // A question mark.
  unknown:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 16h-2v-2h2v2Zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3c.4-.4.6-.9.6-1.4a2 2 0 0 0-4 0H8a4 4 0 0 1 8 0c0 .9-.4 1.7-.9 2.3Z',
};

export function ProtectionBadge({ protection }: { protection: ProtectionLive }) {
  const { state, reason } = protection;
  return (
    <span class={`status protection-${state}`}>
      <PathIcon path={PATHS[state]} evenOdd />
      {t(LABELS[state])}
      {reason ? <span class="protection-why">: {t(WHY[reason])}</span> : null}
    </span>
  );
}
