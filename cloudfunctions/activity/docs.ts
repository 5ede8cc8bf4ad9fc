/** Stored shapes of the `activity` function: themed Party days and who signed up and came. */
import { z } from 'zod';

export const activityDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  theme: z.string(),
  startsAt: z.date(),
  place: z.string(),
  detail: z.string(),
  /** 0: no limit. */
  capacity: z.number().int(),
  oath: z.boolean(),
  /** Kept on the activity so a sign-up for the last place is decided in one transaction. */
  signedUpCount: z.number().int(),
  /** The sign-in tokens' key; never leaves the function. */
  secret: z.string(),
  summary: z.object({ text: z.string(), photos: z.array(z.string()), at: z.date() }).nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
});
export type ActivityDoc = z.infer<typeof activityDoc>;

/** `_id` = `<activityId>:<memberId>`: one per member and activity. */
export const personDoc = z.object({
  _id: z.string(),
  activityId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  signedUp: z.boolean(),
  present: z.boolean(),
  /** Took part in 重温入党誓词 (the activity included it and they signed in). */
  oath: z.boolean(),
  at: z.date(),
});
export type PersonDoc = z.infer<typeof personDoc>;
export const personId = (activityId: string, memberId: string) => `${activityId}:${memberId}`;

export const SIGN_IN_PAGE = 'subpackages/identity/pages/activity-signin/index';
export const summaryFolder = (activityId: string) => `activities/${activityId}`;
