/** Actions of the `rectification` function: 三单 — responsibility, problem and rectification lists. */
import { z } from 'zod';
import { calendarDay, plainText, recordId, storedFile } from '../../domain/text';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');
export const ACTION_STATUSES = ['open', 'answered', 'verified', 'returned'] as const;
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  open: '待整改',
  answered: '已提交，待核验',
  verified: '已核验',
  returned: '已退回，需重新整改',
};

/** A file the phone uploaded to CloudBase storage. */

export const rectificationView = z.object({
  id: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
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
      overdue: z.boolean(),
      /** `photos` are the stored fileIDs; `photoUrls` temporary URLs to show them (same order). */
      answer: z.object({ text: z.string(), photos: z.array(z.string()), photoUrls: z.array(z.string()), at: z.string() }).nullable(),
      review: z.object({ note: z.string(), at: z.string(), by: z.string() }).nullable(),
    }),
  ),
  createdAt: z.string(),
});
export type RectificationView = z.infer<typeof rectificationView>;

const items = (max: number) => z.array(plainText(200, { multiline: true })).min(1).max(max);

export const rectificationActions = {
  'rectification.candidates': action({
    summary: "Members graded 较差 in the quarter's published result who have no 三单 yet.",
    input: z.object({ period }).strict(),
    output: z.object({ members: z.array(z.object({ id: z.string(), name: z.string(), score: z.number() })) }),
  }),
  'rectification.issue': action({
    summary: 'The secretary issues 三单 to a member (较差, or anyone the secretary adds).',
    input: z
      .object({
        memberId: recordId,
        period,
        responsibilities: items(10),
        problems: items(10),
        actions: z.array(z.object({ text: plainText(200, { multiline: true }), dueOn: calendarDay })).min(1).max(10),
      })
      .strict(),
    output: rectificationView,
  }),
  'rectification.list': action({
    summary: "The branch's 三单 (secretary), newest first.",
    input: z.object({ period: period.optional(), state: z.enum(['open', 'closed']).optional() }).strict(),
    output: z.object({ items: z.array(rectificationView) }),
  }),
  'rectification.mine': action({
    summary: "The caller's own 三单, open first (shown on 我的).",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(rectificationView) }),
  }),
  'rectification.answer': action({
    summary: 'The member answers a rectification item with what they did and evidence.',
    input: z
      .object({ rectificationId: recordId, actionId: recordId, text: plainText(1000, { min: 10, multiline: true }), photos: z.array(storedFile).max(9) })
      .strict(),
    output: rectificationView,
  }),
  'rectification.review': action({
    summary: 'The secretary verifies or returns an answered item; all verified closes the 三单.',
    input: z
      .object({ rectificationId: recordId, actionId: recordId, verdict: z.enum(['verified', 'returned']), note: plainText(200, { min: 0, multiline: true }) })
      .strict(),
    output: rectificationView,
  }),
} as const;
