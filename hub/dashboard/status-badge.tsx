// A pupil's status as an icon and a word, so it never rests on colour alone.
import type { PupilLive } from '../../shared/teacher-socket-protocol';
import { StatusIcon } from './icons';
import { t, type StringKey } from './strings';

const LABELS: Record<PupilLive['status'], StringKey> = {
  enforcing: 'status_enforcing',
  pending: 'status_pending',
  offline: 'status_offline',
};

export function StatusBadge({ status }: { status: PupilLive['status'] }) {
  return (
    <span class={`status status-${status}`}>
      <StatusIcon status={status} />
      {t(LABELS[status])}
    </span>
  );
}
