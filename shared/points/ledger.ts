/** The points ledger and the per-member period totals kept beside it. */
import { z } from 'zod';
import { POINT_CATEGORIES, RULE_CODES } from './rules';

export const ENTRY_KINDS = ['award', 'adjustment', 'reversal'] as const;

/** One append-only ledger entry. Its `_id` is derived from (rule, member, source): one entry per occurrence. */
export const ledgerEntryDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  /** China quarter, e.g. '2026Q4'. */
  period: z.string(),
  /** China day of the occurrence. */
  day: z.string(),
  kind: z.enum(ENTRY_KINDS),
  /** The rule for awards; null for manual adjustments and reversals. */
  ruleCode: z.enum(RULE_CODES).nullable(),
  ruleVersion: z.number().int().nullable(),
  category: z.enum(POINT_CATEGORIES),
  /** Points granted (after caps), negative for reversals and downward adjustments. */
  points: z.number(),
  /** What the rule would have given without caps; points < requested means a cap applied. */
  requested: z.number(),
  /** Where it came from, e.g. 'meeting:abc' or 'checkin:2026-11-26'. */
  source: z.string(),
  /** A readable description for 积分档案. */
  label: z.string(),
  /** Who wrote it by hand (adjustments, reversals); null for automatic awards. */
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  reason: z.string().nullable(),
  /** For a reversal: the entry it reverses. */
  reverses: z.string().nullable(),
  at: z.date(),
});
export type LedgerEntryDoc = z.infer<typeof ledgerEntryDoc>;

/** A member's running totals for one period, written in the same transaction as each entry. */
export const periodTotalsDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  period: z.string(),
  total: z.number(),
  mandatory: z.number(),
  optional: z.number(),
  /** Points per rule code this period. */
  byRule: z.record(z.string(), z.number()),
  /** Points per rule code per China day (`code` → `day` → points), for daily caps and today's progress. */
  byRuleDay: z.record(z.string(), z.record(z.string(), z.number())),
  entries: z.number().int(),
  updatedAt: z.date(),
});
export type PeriodTotalsDoc = z.infer<typeof periodTotalsDoc>;

export function totalsId(memberId: string, period: string): string {
  return `${memberId}_${period}`;
}
