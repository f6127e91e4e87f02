// "For today" ends at midnight where the school is, and the hub runs on the school's own clock
// and time zone: so the hub's local time zone, not UTC (which is an hour off in British summer).

/** The first instant of the next local day after `now`. */
export function endOfLocalDay(now: Date): Date {
  const end = new Date(now.getTime());
  // Hour 24 rolls over to the next day, across a daylight saving change as well.
  end.setHours(24, 0, 0, 0);
  return end;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `2026-03-02`: the date where the school is, for records a person reads. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
}

/** `09:05`: the time where the school is. */
export function localTime(at: Date): string {
  return `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
}

/** The first instant of the local day a `YYYY-MM-DD` date names. */
export function startOfLocalDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}
