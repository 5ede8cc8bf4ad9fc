/** Actions of the `quarter` function: 民主评议, closing and publishing a quarter, the published result. */
import { z } from 'zod';
import { GRADES } from '../../points/ranking';
import { APPRAISAL_RATINGS } from '../../points/appraisal';
import { plainText, recordId } from '../../domain/text';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');

export const PERIOD_STATES = ['open', 'closed', 'published'] as const;

export const resultRow = z.object({
  memberId: z.string(),
  name: z.string(),
  rank: z.number().int(),
  points: z.number(),
  appraisal: z.number().nullable(),
  score: z.number(),
  grade: z.enum(GRADES),
});
export type ResultRow = z.infer<typeof resultRow>;

export const quarterResult = z.object({
  period: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  reason: z.string().nullable(),
  rows: z.array(resultRow),
  exempt: z.array(z.object({ memberId: z.string(), name: z.string(), points: z.number() })),
  gradeCounts: z.record(z.enum(GRADES), z.number().int()),
  mine: resultRow.nullable(),
});
export type QuarterResult = z.infer<typeof quarterResult>;

export const quarterActions = {
  'quarter.status': action({
    summary: "The quarter's state in the caller's branch, its appraisal round, and whether the caller has voted.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      state: z.enum(PERIOD_STATES),
      publishedVersion: z.number().int().nullable(),
      appraisal: z.object({ state: z.enum(['open', 'closed']), ballots: z.number().int(), voters: z.number().int() }).nullable(),
      myBallotCast: z.boolean(),
    }),
  }),
  'quarter.openAppraisal': action({
    summary: 'The secretary opens the 民主评议 round of the quarter.',
    input: z.object({ period }).strict(),
    output: z.object({ period: z.string(), state: z.literal('open') }),
  }),
  'quarter.ballot': action({
    summary: 'The members to rate in the open round (everyone in the branch but the caller).',
    input: z.object({ period }).strict(),
    output: z.object({ period: z.string(), candidates: z.array(z.object({ memberId: z.string(), name: z.string() })), cast: z.boolean() }),
  }),
  'quarter.castBallot': action({
    summary: 'One anonymous ballot rating every other member 优秀 / 合格 / 基本合格 / 不合格.',
    input: z.object({ period, ratings: z.array(z.object({ memberId: recordId, rating: z.enum(APPRAISAL_RATINGS) })).min(1).max(60) }).strict(),
    output: z.object({ cast: z.literal(true) }),
  }),
  'quarter.closeAppraisal': action({
    summary: 'The secretary closes the round; each member gets the average of the ratings received.',
    input: z.object({ period }).strict(),
    output: z.object({ period: z.string(), ballots: z.number().int(), results: z.number().int() }),
  }),
  'quarter.close': action({
    summary: 'The secretary closes the quarter: no more changes to its scores; a preview of the result.',
    input: z.object({ period }).strict(),
    output: z.object({ period: z.string(), state: z.literal('closed'), preview: z.array(resultRow) }),
  }),
  'quarter.publish': action({
    summary: 'Freezes a snapshot of score, rank and grade per member; a correction publishes a new version with a reason.',
    input: z.object({ period, reason: plainText(200).optional() }).strict(),
    output: quarterResult,
  }),
  'quarter.result': action({
    summary: 'The published result of a quarter in the caller branch (latest version unless asked).',
    input: z.object({ period: period.optional(), version: z.number().int().min(1).optional() }).strict(),
    output: quarterResult,
  }),
} as const;
