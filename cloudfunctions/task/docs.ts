/** Stored shapes of the `task` function. */
import { z } from 'zod';
import { TASK_DONE_BY, TASK_KINDS } from '../../shared/domain/work';

export const taskDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  dueAt: z.date(),
  doneBy: z.enum(TASK_DONE_BY),
  target: z.object({ kind: z.enum(['branch', 'groups', 'units', 'members']), ids: z.array(z.string()) }),
  targetLabel: z.string(),
  /** The members it was published to, fixed at publishing. */
  targetIds: z.array(z.string()),
  doneCount: z.number().int(),
  publisherId: z.string(),
  publisherName: z.string(),
  createdAt: z.date(),
  lastReminderAt: z.date().nullable(),
});
export type TaskDoc = z.infer<typeof taskDoc>;

/** `_id` = `<taskId>:<memberId>`: a member completes a task once. */
export const completionDoc = z.object({
  _id: z.string(),
  taskId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  noteId: z.string().nullable(),
  photos: z.array(z.string()),
  doneAt: z.date(),
});
export type CompletionDoc = z.infer<typeof completionDoc>;
export const completionId = (taskId: string, memberId: string) => `${taskId}:${memberId}`;

export const TASK_PAGE = 'subpackages/work/pages/task/index';
export const photoFolder = (taskId: string, memberId: string) => `tasks/${taskId}/${memberId}`;
