// Times as a teacher in England reads them: 24-hour clock, the date only when it isn't today.
import { t } from './strings';

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return date.toDateString() === now.toDateString() ? TIME.format(date) : DAY_AND_TIME.format(date);
}

export function formatLastSeen(iso: string | null): string {
  return iso ? formatTime(iso) : t('last_seen_never');
}
