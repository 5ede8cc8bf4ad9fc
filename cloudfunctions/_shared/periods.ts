/** Documents shared by the quarter and rectification functions: period state, appraisal rounds, ballot marks, published snapshots. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GRADES } from '../../shared/points/ranking';
import { resultRow } from '../../shared/api/actions/quarter';

export const periodDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  period: z.string(),
  state: z.enum(['open', 'closed', 'published']),
  publishedVersion: z.number().int().nullable(),
  updatedAt: z.date(),
});
export type PeriodDoc = z.infer<typeof periodDoc>;

export const appraisalDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  period: z.string(),
  state: z.enum(['open', 'closed']),
  voters: z.number().int(),
  ballots: z.number().int(),
  /** Sums of the ratings received, per member: individual ballots are never stored. */
  tally: z.record(z.string(), z.object({ sum: z.number(), n: z.number().int() })),
  results: z.record(z.string(), z.number()).nullable(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
});
export type AppraisalDoc = z.infer<typeof appraisalDoc>;

/**
 * The mark that a member has voted: its id is a hash of (round, voter) and it holds no
 * ratings, which go straight into the round's tally — so no stored ballot can be traced back.
 */
export const ballotDoc = z.object({
  _id: z.string(),
  roundId: z.string(),
  at: z.date(),
});

export const snapshotDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  period: z.string(),
  version: z.number().int(),
  reason: z.string().nullable(),
  publishedAt: z.date(),
  publishedBy: z.string(),
  rows: z.array(resultRow),
  exempt: z.array(z.object({ memberId: z.string(), name: z.string(), points: z.number() })),
  gradeCounts: z.record(z.enum(GRADES), z.number().int()),
});
export type SnapshotDoc = z.infer<typeof snapshotDoc>;

export const roundId = (branchId: string, period: string): string => `${branchId}_${period}`;

/** One ballot per member per round, without storing who cast it. */
export function ballotId(round: string, memberId: string): string {
  return `ballot_${createHash('sha256').update(`${round}\n${memberId}`).digest('base64url').slice(0, 32)}`;
}
