/** Actions of the `points` function: 积分档案, live rankings, corrections, rules. */
import { z } from 'zod';
import { GRADES } from '../../points/ranking';
import { ENTRY_KINDS } from '../../points/ledger';
import { POINT_CATEGORIES, RULE_CODES } from '../../points/rules';
import { calendarDay, plainText, recordId } from '../../domain/text';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');

export const ledgerEntryView = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  rule: z.enum(RULE_CODES).nullable(),
  category: z.enum(POINT_CATEGORIES),
  points: z.number(),
  /** What the rule would have given; more than `points` when a cap applied. */
  requested: z.number(),
  label: z.string(),
  source: z.string(),
  day: z.string(),
  at: z.string(),
  author: z.string().nullable(),
  reason: z.string().nullable(),
  reverses: z.string().nullable(),
  reversed: z.boolean(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

export const rankingRow = z.object({
  rank: z.number().int(),
  memberId: z.string(),
  name: z.string(),
  groupId: z.string().nullable(),
  score: z.number(),
  mandatory: z.number(),
  optional: z.number(),
  grade: z.enum(GRADES),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const ruleView = z.object({
  code: z.enum(RULE_CODES),
  category: z.enum(POINT_CATEGORIES),
  points: z.number(),
  dailyCap: z.number().nullable(),
  periodCap: z.number().nullable(),
  version: z.number().int(),
  effectiveFrom: z.string(),
});
export type RuleView = z.infer<typeof ruleView>;

export const pointsActions = {
  'points.myLedger': action({
    summary: '积分档案: the quarter total, mandatory vs optional, every entry and why, today per rule, earlier quarters.',
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      total: z.number(),
      mandatory: z.number(),
      optional: z.number(),
      /** Counted toward the score: each category up to its cap (70 + 30 by default). */
      counted: z.number(),
      caps: z.object({ mandatory: z.number(), optional: z.number() }),
      entries: z.array(ledgerEntryView),
      today: z.array(z.object({ rule: z.enum(RULE_CODES), current: z.number(), dailyCap: z.number().nullable(), period: z.number(), periodCap: z.number().nullable() })),
      periods: z.array(z.object({ period: z.string(), total: z.number() })),
    }),
  }),
  'points.memberLedger': action({
    summary: "A member's ledger for the secretary (to adjust or reverse).",
    input: z.object({ memberId: recordId, period: period.optional() }).strict(),
    output: z.object({ period: z.string(), name: z.string(), total: z.number(), entries: z.array(ledgerEntryView) }),
  }),
  'points.ranking': action({
    summary: "Live ranking of a quarter in the caller's branch or group (competition ranks, exempt members apart).",
    input: z.object({ scope: z.enum(['branch', 'group']), period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      scope: z.enum(['branch', 'group']),
      rows: z.array(rankingRow),
      exempt: z.array(z.object({ memberId: z.string(), name: z.string(), points: z.number() })),
      myRank: z.number().int().nullable(),
    }),
  }),
  'points.adjust': action({
    summary: 'A manual adjustment by the secretary, with a required reason; requestId makes retries count once.',
    input: z
      .object({
        memberId: recordId,
        points: z.number().min(-20).max(20).refine((n) => n !== 0 && Number.isInteger(n * 2), '请填写非零的 0.5 的整数倍'),
        category: z.enum(POINT_CATEGORIES),
        reason: plainText(100),
        requestId: recordId,
      })
      .strict(),
    output: z.object({ entryId: z.string(), points: z.number(), duplicate: z.boolean() }),
  }),
  'points.reverse': action({
    summary: 'Reverse a ledger entry with an opposite entry and a reason (audited).',
    input: z.object({ entryId: recordId, reason: plainText(100) }).strict(),
    output: z.object({ entryId: z.string(), points: z.number(), duplicate: z.boolean() }),
  }),
  'points.rules': action({
    summary: 'The rules in force today and every version.',
    input: z.object({}).strict(),
    output: z.object({ inForce: z.array(ruleView), versions: z.array(ruleView) }),
  }),
  'points.compareBranches': action({
    summary: "The committee admin compares the committee's branches for a quarter: average counted points and participation per rule.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      branches: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          members: z.number().int(),
          averageCounted: z.number(),
          /** Share of the branch's members with any points from the rule (0–1). */
          participation: z.record(z.enum(RULE_CODES), z.number()),
        }),
      ),
    }),
  }),
  'points.saveRule': action({
    summary: 'The committee admin sets a new version of a rule from an effective day (history is never re-scored).',
    input: z
      .object({
        code: z.enum(RULE_CODES),
        points: z.number().min(0).max(20),
        dailyCap: z.number().min(0).max(100).nullable(),
        periodCap: z.number().min(0).max(100).nullable(),
        effectiveFrom: calendarDay,
      })
      .strict(),
    output: ruleView,
  }),
} as const;
