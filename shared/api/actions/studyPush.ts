/** Actions of the `studyPush` function: 学习要点 — the study points the secretary pushes to members. */
import { z } from 'zod';
import { plainText, recordId, requestId, storedFile } from '../../domain/text';
import { SUBSCRIBE_TEMPLATES } from '../../domain/study';
import { action } from '../action';

export const studyPushView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  imageUrls: z.array(z.string()),
  lesson: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Empty: the whole branch. */
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  sendAt: z.string(),
  status: z.enum(['scheduled', 'sent']),
  author: z.string(),
  /** The caller has read it to the end. */
  read: z.boolean(),
});
export type StudyPushView = z.infer<typeof studyPushView>;

export const studyPushActions = {
  'studyPush.send': action({
    summary: 'The secretary writes a study point for the branch or some groups, sent now or at a scheduled time.',
    input: z
      .object({
        title: plainText(40, { min: 2 }),
        body: plainText(3000, { min: 10, multiline: true }),
        images: z.array(storedFile).max(9),
        lessonId: recordId.nullable(),
        groupIds: z.array(recordId).max(50),
        /** ISO instant; null or a past instant sends now. At most 90 days ahead. */
        sendAt: z.string().datetime({ offset: true }).nullable(),
        requestId,
      })
      .strict(),
    output: studyPushView,
  }),
  'studyPush.mine': action({
    summary: "The pushes sent to the caller, newest first, and how many are unread (首页's badge).",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(studyPushView), unread: z.number().int() }),
  }),
  'studyPush.view': action({
    summary: 'One push the caller was sent (others look missing).',
    input: z.object({ pushId: recordId }).strict(),
    output: studyPushView,
  }),
  'studyPush.read': action({
    summary: 'The caller read the push to the end: marked read once, points once.',
    input: z.object({ pushId: recordId }).strict(),
    output: z.object({ read: z.literal(true) }),
  }),
  'studyPush.list': action({
    summary: "The branch's pushes with read rates (secretary), newest first, scheduled ones included.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(studyPushView.extend({ targets: z.number().int(), reads: z.number().int() })) }),
  }),
  'studyPush.readers': action({
    summary: 'Who has read a push and who has not yet (secretary).',
    input: z.object({ pushId: recordId }).strict(),
    output: z.object({
      push: studyPushView,
      read: z.array(z.object({ id: z.string(), name: z.string(), at: z.string() })),
      unread: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  }),
  'studyPush.subscribe': action({
    summary: 'The member accepted (or declined) a one-time subscribe message; accepted ones are spent by the next notice.',
    input: z.object({ template: z.enum(SUBSCRIBE_TEMPLATES), accepted: z.boolean() }).strict(),
    output: z.object({ credits: z.number().int() }),
  }),
} as const;
