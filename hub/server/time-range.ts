// `?from&to` for the pages read over a period (the governors' summary, a class's prompt and
// download records): each a date, meaning a whole day where the school is, or an exact time.
import { z } from 'zod';
import { HubError } from './errors';
import { endOfLocalDay, startOfLocalDate } from './local-day';

const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2026-03-02) or an ISO date and time',
});

export const timeRangeQuery = z.object({ from: bound.optional(), to: bound.optional() });
export type TimeRangeQuery = z.infer<typeof timeRangeQuery>;

const isDate = (text: string) => text.length === 10;

/** `from` a date starts at its first instant (inclusive); `to` a date includes that whole day. */
export function rangeOf(query: TimeRangeQuery): { from: Date | undefined; to: Date | undefined } {
  const from =
    query.from === undefined
      ? undefined
      : isDate(query.from)
        ? startOfLocalDate(query.from)
        : new Date(query.from);
  const to =
    query.to === undefined
      ? undefined
      : isDate(query.to)
        ? endOfLocalDay(startOfLocalDate(query.to))
        : new Date(query.to);
  if (from && to && from >= to) throw new HubError(400, 'to: expected a time after from');
  return { from, to };
}
