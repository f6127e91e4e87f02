// A device uploads its outbox as a list. Each item is checked on its own, so a bad one is named by
// its position (`flags item 3: url: …`) and whoever reads the device's log knows which one it is;
// the whole upload is refused, so nothing is stored from a batch the device must fix.
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { HubDb } from './database';
import { HubError } from './errors';
import type { HubDatabase } from './schema';
import { describeIssues } from './validation';

/**
 * A body's list of uploads (`{ flags: [...] }`): its length is checked here, each item on its
 * own afterwards by `checkUploadItems`, so a bad item is named by its position.
 */
export const uploadList = (noun: { one: string; many: string }, max: number) =>
  z
    .array(z.unknown(), { error: `expected a list of ${noun.many}` })
    .min(1, `send at least one ${noun.one}`)
    .max(max, `send at most ${max} ${noun.many}`);

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

/** The tables whose rows a device uploads once and never changes: keyed by the device's id. */
export type DeviceUploadTable =
  'visit_requests' | 'keyword_alerts' | 'pupil_events' | 'filtering_records';

export interface StoredUpload {
  /** Every id of the upload the hub holds for this device (new or from an earlier try). */
  stored: string[];
  /** Ids another device holds, left as they were. */
  conflicts: string[];
  /** Rows new in this upload; zero for a retry that told the hub nothing new. */
  added: number;
}

/**
 * Stores the rows in one transaction and returns once it has committed (ARCHITECTURE rule 3):
 * an id already held is left as it is, whoever holds it, then the ids are split by holder.
 */
export async function storeDeviceUpload<T extends DeviceUploadTable>(
  db: HubDb,
  table: T,
  deviceId: number,
  rows: readonly (Insertable<HubDatabase[T]> & { id: string })[],
): Promise<StoredUpload> {
  const ids = uniqueIds(rows);
  const { holders, added } = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto(table)
      .values(rows)
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    // Widened to the union: every upload table has `id` and `device_id`, which is all this reads.
    const found = await trx
      .selectFrom<DeviceUploadTable>(table)
      .select(['id', 'device_id'])
      .where('id', 'in', ids)
      .execute();
    return { holders: found, added: Number(inserted.numInsertedOrUpdatedRows ?? 0n) };
  });
  return { ...splitByHolder(ids, holders, deviceId), added };
}
