/** Stored shapes of the `pledge` function: the yearly pledge, fulfilment updates and quarterly reviews. */
import { z } from 'zod';
import { REVIEW_RATINGS } from '../../shared/domain/identity';

const item = z.object({ id: z.string(), text: z.string(), measure: z.string() });

/** `_id` = `<memberId>_<year>`: one pledge per member and year. */
export const pledgeDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  year: z.number().int(),
  parts: z.object({ business: z.array(item), targets: z.array(item), post: z.array(item) }),
  status: z.enum(['draft', 'signed']),
  /** The handwritten signature image, stored when signing. */
  signature: z.string().nullable(),
  signedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PledgeDoc = z.infer<typeof pledgeDoc>;
export const pledgeId = (memberId: string, year: number) => `${memberId}_${year}`;

export const fulfilmentDoc = z.object({
  _id: z.string(),
  pledgeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  itemId: z.string().nullable(),
  text: z.string(),
  photos: z.array(z.string()),
  /** The China quarter it was reported in (the secretary asks who has none this quarter). */
  period: z.string(),
  at: z.date(),
});
export type FulfilmentDoc = z.infer<typeof fulfilmentDoc>;

/** `_id` = `<pledgeId>:<period>`: one review per pledge and quarter. */
export const reviewDoc = z.object({
  _id: z.string(),
  pledgeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  period: z.string(),
  rating: z.enum(REVIEW_RATINGS),
  comment: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  at: z.date(),
});
export type ReviewDoc = z.infer<typeof reviewDoc>;
