// "For today" ends at midnight where the school is, and the hub runs on the school's own clock
// and time zone: so the hub's local time zone, not UTC (which is an hour off in British summer).

/** The first instant of the next local day after `now`. */
export function endOfLocalDay(now: Date): Date {
  const end = new Date(now.getTime());
  // Hour 24 rolls over to the next day, across a daylight saving change as well.
  end.setHours(24, 0, 0, 0);
  return end;
}
