/** Actions of the `target` function: a 突击队 unit's business target and its progress over time. */
import { z } from 'zod';
import { calendarDay, plainText, recordId } from '../../domain/text';
import { action } from '../action';

export const targetView = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  metric: z.string(),
  measure: z.string(),
  goal: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  current: z.number(),
  /** current / goal, 0–1+ */
  progress: z.number(),
  entries: z.array(z.object({ id: z.string(), on: z.string(), value: z.number(), note: z.string(), by: z.string() })),
});
export type TargetView = z.infer<typeof targetView>;

export const targetActions = {
  'target.save': action({
    summary: "The secretary sets a squad unit's target metric (e.g. 新增宽带 200 户) for a period.",
    input: z
      .object({ targetId: recordId.optional(), unitId: recordId, metric: plainText(30, { min: 2 }), measure: plainText(8), goal: z.number().positive().max(1e9), startOn: calendarDay, endOn: calendarDay })
      .strict()
      .refine((v) => v.startOn <= v.endOn, { message: '结束日期不能早于开始日期', path: ['endOn'] }),
    output: targetView,
  }),
  'target.list': action({
    summary: "The branch's unit targets with their progress.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(targetView) }),
  }),
  'target.addProgress': action({
    summary: "The unit's leader or the secretary records the cumulative value reached on a day.",
    input: z.object({ targetId: recordId, on: calendarDay, value: z.number().min(0).max(1e9), note: plainText(100).or(z.literal('')) }).strict(),
    output: targetView,
  }),
} as const;
