/** Actions of the `task` function: tasks published into WeChat groups and done by members. */
import { z } from 'zod';
import { plainText, recordId, requestId, storedFile } from '../../domain/text';
import { TASK_DONE_BY, TASK_KINDS, TASK_STATES } from '../../domain/work';
import { action } from '../action';

const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch') }).strict(),
  z.object({ kind: z.literal('groups'), ids: z.array(recordId).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('units'), ids: z.array(recordId).min(1).max(50) }).strict(),
  z.object({ kind: z.literal('members'), ids: z.array(recordId).min(1).max(500) }).strict(),
]);

export const taskView = z.object({
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  dueAt: z.string(),
  doneBy: z.enum(TASK_DONE_BY),
  publisher: z.string(),
  targetLabel: z.string(),
  targets: z.number().int(),
  done: z.number().int(),
  /** The caller's own state, null when the task is not for them. */
  mine: z.object({ state: z.enum(TASK_STATES), doneAt: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  lastReminderAt: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const taskActions = {
  'task.publish': action({
    summary: 'The secretary or a committee member publishes a task with a due time, a target and what counts as done; a retried publish is one task.',
    input: z
      .object({
        requestId,
        kind: z.enum(TASK_KINDS),
        title: plainText(40, { min: 2 }),
        detail: plainText(2000, { multiline: true }),
        dueAt: z.string().datetime({ offset: true }),
        doneBy: z.enum(TASK_DONE_BY),
        target,
      })
      .strict(),
    output: taskView,
  }),
  'task.mine': action({
    summary: "The caller's tasks: open ones first (with overdue marked), then recently done.",
    input: z.object({}).strict(),
    output: z.object({ open: z.array(taskView), done: z.array(taskView) }),
  }),
  'task.get': action({
    summary: 'One task of the branch (opened from the WeChat group card).',
    input: z.object({ taskId: recordId }).strict(),
    output: taskView,
  }),
  'task.complete': action({
    summary: "A targeted member completes a task as it asks (read / note id / photos / confirm); points once; anyone else is refused.",
    input: z
      .object({ taskId: recordId, noteId: recordId.nullable(), photos: z.array(storedFile).max(9) })
      .strict(),
    output: taskView,
  }),
  'task.list': action({
    summary: "The branch's tasks with done counts, newest first (secretary and committee).",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(taskView) }),
  }),
  'task.board': action({
    summary: 'Per targeted member: done, not done or overdue (secretary and committee).',
    input: z.object({ taskId: recordId }).strict(),
    output: z.object({
      task: taskView,
      members: z.array(z.object({ id: z.string(), name: z.string(), group: z.string().nullable(), state: z.enum(TASK_STATES), doneAt: z.string().nullable(), photoUrls: z.array(z.string()) })),
    }),
  }),
  'task.remind': action({
    summary: 'One subscribe-message reminder to the members not done yet, at most once a day per task.',
    input: z.object({ taskId: recordId }).strict(),
    output: z.object({ reminded: z.number().int(), notDone: z.number().int(), nextAllowedAt: z.string() }),
  }),
} as const;
