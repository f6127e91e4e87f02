// A device uploads its outbox as a list. Each item is checked on its own, so a bad one is named by
// its position (`flags item 3: url: …`) and whoever reads the device's log knows which one it is;
// the whole upload is refused, so nothing is stored from a batch the device must fix.
import type { z } from 'zod';
import { HubError } from './errors';
import { describeIssues } from './validation';

/** The items parsed by `schema`, or 400 naming the first five bad ones (counting from 1). */
export function checkUploadItems<T extends z.ZodType>(
  items: readonly unknown[],
  schema: T,
  listName: string,
): z.infer<T>[] {
  const errors: string[] = [];
  const parsed: z.infer<T>[] = [];
  items.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else errors.push(`${listName} item ${index + 1}: ${describeIssues(result.error.issues)}`);
  });
  if (errors.length > 0) throw new HubError(400, errors.slice(0, 5).join('; '));
  return parsed;
}

/** Two copies of one id in a batch are one item: the ids in upload order, each once. */
export const uniqueIds = (items: readonly { id: string }[]) => [
  ...new Set(items.map((item) => item.id)),
];

/**
 * The upload's ids split by who holds each one now: this device (`stored`, including ids it
 * sent before) or another device (`conflicts`, left untouched), in upload order.
 */
export function splitByHolder(
  ids: readonly string[],
  holders: readonly { id: string; device_id: number }[],
  deviceId: number,
): { stored: string[]; conflicts: string[] } {
  const holderOf = new Map(holders.map((row) => [row.id, row.device_id]));
  return {
    stored: ids.filter((id) => holderOf.get(id) === deviceId),
    conflicts: ids.filter((id) => holderOf.get(id) !== deviceId),
  };
}
