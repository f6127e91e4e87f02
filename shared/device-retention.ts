// How long the device keeps pupils' records once the classroom hub holds them: the device is a
// waiting room on the way to the hub, not the school's record, so copies the hub confirmed are
// deleted after a short period the school chooses (managed policy `deviceRecordDays`).

export const DEFAULT_DEVICE_RECORD_DAYS = 7;
export const MIN_DEVICE_RECORD_DAYS = 1;
export const MAX_DEVICE_RECORD_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment before which a record is old enough to delete, as an ISO time: every time the
 * worker writes (createdAt, sentAt, at) is `Date#toISOString()`, so the times compare as text.
 */
export function deviceRecordCutoff(now: Date, days: number | undefined): string {
  return new Date(now.getTime() - (days ?? DEFAULT_DEVICE_RECORD_DAYS) * DAY_MS).toISOString();
}
