// The filtering record the DfE filtering and monitoring standards ask for: for each blocked
// attempt, the device, the user, the time, the address (or search term) and the verdict. The
// device records what it holds (when, which address, why it was blocked); the hub adds the
// device and the pupil from the device's token when the record arrives. Allowed browsing is
// never recorded: only a block page shown for a navigation makes a record (least data).
import { z } from 'zod';
import type { BlockReason } from './rule-compiler';

/** Why the address was blocked: the block page's reason, which is the record's category. */
export const FILTERING_CATEGORIES = [
  'list',
  'always',
  'images',
  'piracy',
  'circumvention',
] as const satisfies readonly BlockReason[];
type Unlisted = Exclude<BlockReason, (typeof FILTERING_CATEGORIES)[number]>;
/** Every reason the block page can show is a category: a new reason left out fails to compile. */
export const EVERY_REASON_LISTED: [Unlisted] extends [never] ? true : never = true;

export const filteringCategorySchema = z.enum(FILTERING_CATEGORIES, {
  error: `expected one of ${FILTERING_CATEGORIES.join(', ')}`,
});
export type FilteringCategory = z.infer<typeof filteringCategorySchema>;

/** The only verdict recorded: allowed browsing is not logged. */
export const FILTERING_VERDICTS = ['blocked'] as const;

/** Longest address kept; a longer one is cut here, so the record is kept rather than lost. */
export const MAX_RECORDED_URL = 2048;

/** One record as the device uploads it to `POST /api/device/filtering-records`. */
export const filteringRecordUploadSchema = z.object(
  {
    id: z.uuid('expected a UUID'),
    createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO date and time' }),
    /** The blocked address as the pupil asked for it (an image search's carries its terms). */
    url: z
      .string({ error: 'expected an address' })
      .min(1, 'expected an address')
      .max(MAX_RECORDED_URL, `expected an address of at most ${MAX_RECORDED_URL} characters`)
      .regex(/^[a-z][a-z0-9+.-]*:/i, 'expected an address with a scheme (https:, chrome:)'),
    category: filteringCategorySchema,
    verdict: z.enum(FILTERING_VERDICTS, { error: 'expected blocked' }),
  },
  { error: 'expected a filtering record (id, createdAt, url, category, verdict)' },
);
export type FilteringRecordUpload = z.infer<typeof filteringRecordUploadSchema>;

/** As the device keeps it until the hub confirms it holds it. */
export type FilteringRecord = FilteringRecordUpload & { sentAt?: string };

/** Most records a device sends in one upload. */
export const MAX_FILTERING_RECORDS_PER_UPLOAD = 100;

/**
 * What a block page's own address says was blocked: the reason in its query and the address in
 * its fragment (shared/rule-compiler.ts `blockPageSubstitution`). Null for any other address,
 * or one with no blocked address or an unknown reason.
 */
export function readBlockPageAddress(
  pageUrl: string,
  blockPageBase: string,
): { url: string; category: FilteringCategory } | null {
  const hash = pageUrl.indexOf('#');
  const beforeHash = hash === -1 ? pageUrl : pageUrl.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const base = query === -1 ? beforeHash : beforeHash.slice(0, query);
  if (base !== blockPageBase || hash === -1) return null;
  const url = pageUrl.slice(hash + 1).slice(0, MAX_RECORDED_URL);
  const why = new URLSearchParams(query === -1 ? '' : beforeHash.slice(query + 1)).get('why');
  // No reason means the failsafe rules caught it before any policy was installed: off the list.
  const category = filteringCategorySchema.safeParse(why ?? 'list');
  if (!category.success || !/^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  return { url, category: category.data };
}
