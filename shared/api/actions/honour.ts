/** Actions of the `honour` function: the honour wall (上墙) of outstanding members. */
import { z } from 'zod';
import { plainText, recordId, storedFile } from '../../domain/text';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');

export const honourView = z.object({
  id: z.string(),
  period: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  group: z.string().nullable(),
  nominatedBy: z.string(),
  /** 先进事迹: the story told on the wall. */
  story: z.string(),
  photoUrl: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'declined']),
  createdAt: z.string(),
});
export type HonourView = z.infer<typeof honourView>;

export const honourActions = {
  'honour.nominate': action({
    summary: "A group leader nominates an outstanding member of the group for the quarter's honour wall.",
    input: z.object({ period, memberId: recordId, story: plainText(500, { min: 20, multiline: true }), photo: storedFile.nullable() }).strict(),
    output: honourView,
  }),
  'honour.nominations': action({
    summary: "The quarter's nominations in the branch (secretary), pending first.",
    input: z.object({ period }).strict(),
    output: z.object({ items: z.array(honourView) }),
  }),
  'honour.confirm': action({
    summary: 'The secretary puts a nomination on the wall or declines it.',
    input: z.object({ nominationId: recordId, approve: z.boolean() }).strict(),
    output: honourView,
  }),
  'honour.wall': action({
    summary: "The branch's honour wall for a quarter: confirmed members with photo and story.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({ period: z.string(), branchName: z.string(), items: z.array(honourView) }),
  }),
} as const;
