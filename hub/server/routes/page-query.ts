// `?before&limit` for the lists read a page at a time, newest first: `before` is the
// `nextBefore` the previous page ended on.
import { z } from 'zod';

export function pageQuery(maxLimit: number) {
  return z.object({
    before: z.coerce
      .number({ error: 'expected the nextBefore of the previous page' })
      .int('expected the nextBefore of the previous page')
      .positive('expected the nextBefore of the previous page')
      .max(2 ** 53)
      .optional(),
    limit: z.coerce
      .number({ error: 'expected a number' })
      .int('expected a whole number')
      .min(1, 'expected at least 1')
      .max(maxLimit, `expected at most ${maxLimit}`)
      .default(50),
  });
}
