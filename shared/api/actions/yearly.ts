/** Actions of the `plan` (annual plan, 计划上墙) and `award` (year-end awards, 年终评优) functions. */
import { z } from 'zod';
import { GRADES } from '../../points/ranking';
import { plainText, recordId } from '../../domain/text';
import { action } from '../action';

const year = z.number().int().min(2020).max(2100);

export const planItemView = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  /** One target per quarter (Q1–Q4); empty when none. */
  targets: z.array(z.string()).length(4),
  /** What was achieved per quarter, filled in as the year goes. */
  results: z.array(z.string()).length(4),
});
export type PlanItemView = z.infer<typeof planItemView>;

export const yearRow = z.object({
  memberId: z.string(),
  name: z.string(),
  /** Published quarterly scores, null for a quarter not (yet) published or when exempt. */
  quarters: z.array(z.number().nullable()).length(4),
  grades: z.array(z.enum(GRADES).nullable()).length(4),
  score: z.number(),
  rank: z.number().int(),
});
export type YearRow = z.infer<typeof yearRow>;

export const yearlyActions = {
  'plan.items': action({
    summary: "The branch's annual plan items, shown as 计划上墙.",
    input: z.object({ year }).strict(),
    output: z.object({ year: z.number().int(), items: z.array(planItemView) }),
  }),
  'plan.saveItem': action({
    summary: 'The secretary adds or edits a plan item: title, owner, quarterly targets and results.',
    input: z
      .object({
        itemId: recordId.optional(),
        year,
        title: plainText(60),
        ownerId: recordId,
        targets: z.array(plainText(100, { min: 0 })).length(4),
        results: z.array(plainText(200, { min: 0, multiline: true })).length(4),
      })
      .strict(),
    output: planItemView,
  }),
  'award.year': action({
    summary: "The year's result per member from the four published quarters (the secretary's basis for 年终评优).",
    input: z.object({ year }).strict(),
    output: z.object({ year: z.number().int(), publishedQuarters: z.number().int(), rows: z.array(yearRow) }),
  }),
  'award.confirm': action({
    summary: 'The secretary confirms the year-end awards (e.g. 优秀共产党员) for members.',
    input: z.object({ year, title: plainText(20), memberIds: z.array(recordId).min(1).max(20) }).strict(),
    output: z.object({ year: z.number().int(), title: z.string(), members: z.array(z.object({ id: z.string(), name: z.string() })) }),
  }),
  'award.list': action({
    summary: "The branch's confirmed year-end awards.",
    input: z.object({ year }).strict(),
    output: z.object({ year: z.number().int(), awards: z.array(z.object({ title: z.string(), members: z.array(z.object({ id: z.string(), name: z.string() })), confirmedAt: z.string() })) }),
  }),
} as const;
