// An "ask to visit" request made from the KS2 block page (or "ask my teacher" on KS1).
import { z } from 'zod';

export const visitRequestStatusSchema = z.enum(['pending', 'approved', 'denied']);

export const visitRequestSchema = z.object({
  /** Made on the device so that a retry can never create a duplicate. */
  id: z.string().uuid(),
  url: z.string().max(2048),
  reason: z.string().max(500),
  createdAt: z.string(),
  status: visitRequestStatusSchema,
  answeredBy: z.string().max(120).optional(),
  answeredAt: z.string().optional(),
});
export type VisitRequest = z.infer<typeof visitRequestSchema>;
