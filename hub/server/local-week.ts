// The school's week, Monday to Sunday where the school is (local-day.ts): the weekly summary for
// the DSL and governors counts from Monday's first instant to the next Monday's.
import { startOfLocalDate } from './local-day';

export function weekContaining(date: string): { from: Date; to: Date } {
  const from = startOfLocalDate(date);
  // getDay: 0 is Sunday. setDate keeps local midnight across a daylight saving change.
  from.setDate(from.getDate() - ((from.getDay() + 6) % 7));
  const to = new Date(from.getTime());
  to.setDate(to.getDate() + 7);
  return { from, to };
}
