/** Stored shapes of the `studyPush` function. */
import { z } from 'zod';

export const pushDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  title: z.string(),
  body: z.string(),
  images: z.array(z.string()),
  lessonId: z.string().nullable(),
  lessonTitle: z.string().nullable(),
  /** Empty: the whole branch. */
  groupIds: z.array(z.string()),
  groupNames: z.array(z.string()),
  /** Members it goes to, fixed when it is sent (and provisionally when scheduled). */
  targetIds: z.array(z.string()),
  sendAt: z.date(),
  status: z.enum(['scheduled', 'sent']),
  sentAt: z.date().nullable(),
  /** Subscribe messages sent for it. */
  notified: z.number().int(),
  readCount: z.number().int(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.date(),
});
export type PushDoc = z.infer<typeof pushDoc>;

/** `_id` = `<pushId>:<memberId>`. */
export const readDoc = z.object({ _id: z.string(), pushId: z.string(), branchId: z.string(), memberId: z.string(), memberName: z.string(), at: z.date() });
export const readId = (pushId: string, memberId: string) => `${pushId}:${memberId}`;

export const PUSH_PAGE = 'subpackages/study/pages/push/index';
