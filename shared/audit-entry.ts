// A filtering change made on the device, kept for the school's record (DfE filtering
// standards: who changed what, when). Lifting the image-search block is the first.
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string().uuid(),
  at: z.string(),
  by: z.string().max(120),
  action: z.enum(['image-search-lifted', 'image-search-lift-ended']),
  /** Plain words for the record, e.g. "for 30 minutes, until 10:45". */
  detail: z.string().max(300),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
