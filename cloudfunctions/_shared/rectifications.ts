/** The 三单 document: one per member per issue, with its three lists. */
import { z } from 'zod';
import { ACTION_STATUSES } from '../../shared/api/actions/rectification';

export const rectificationDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  period: z.string(),
  reason: z.enum(['grade', 'secretary']),
  state: z.enum(['open', 'closed']),
  responsibilities: z.array(z.object({ id: z.string(), text: z.string() })),
  problems: z.array(z.object({ id: z.string(), text: z.string() })),
  actions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      dueOn: z.string(),
      status: z.enum(ACTION_STATUSES),
      answer: z.object({ text: z.string(), photos: z.array(z.string()), at: z.date() }).nullable(),
      review: z.object({ note: z.string(), at: z.date(), by: z.string() }).nullable(),
    }),
  ),
  createdAt: z.date(),
  createdBy: z.string(),
});
export type RectificationDoc = z.infer<typeof rectificationDoc>;
