/**
 * The rules in force for a committee: the default scheme plus the committee's own
 * versions (points_rules). Cached per function instance for a minute so an award costs no
 * extra read; a rule edit takes effect from its effective day, never earlier.
 */
import { COLLECTIONS } from '../../../shared/db/collections';
import { DEFAULT_RULES, POINT_CATEGORIES, RULE_CODES, type Rule } from '../../../shared/points/rules';
import { z } from 'zod';
import type { Database } from '../cloud';

export const ruleDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  code: z.enum(RULE_CODES),
  category: z.enum(POINT_CATEGORIES),
  points: z.number(),
  dailyCap: z.number().optional().nullable(),
  periodCap: z.number().optional().nullable(),
  minWatchedRatio: z.number().optional().nullable(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  createdBy: z.string(),
  createdAt: z.date(),
});

const TTL_MS = 60_000;
const cache = new Map<string, { rules: Rule[]; loadedAt: number }>();

export function toRule(doc: z.infer<typeof ruleDoc>): Rule {
  return {
    code: doc.code,
    category: doc.category,
    points: doc.points,
    ...(doc.dailyCap != null ? { dailyCap: doc.dailyCap } : {}),
    ...(doc.periodCap != null ? { periodCap: doc.periodCap } : {}),
    ...(doc.minWatchedRatio != null ? { minWatchedRatio: doc.minWatchedRatio } : {}),
    version: doc.version,
    effectiveFrom: doc.effectiveFrom,
  };
}

export async function rulesFor(db: Database, committeeId: string, now = Date.now()): Promise<Rule[]> {
  const hit = cache.get(committeeId);
  if (hit && now - hit.loadedAt < TTL_MS) return hit.rules;
  const { data } = await db.collection(COLLECTIONS.pointsRules).where({ committeeId }).limit(1000).get();
  const rules = [...DEFAULT_RULES, ...(data as unknown[]).map((row) => toRule(ruleDoc.parse(row)))];
  cache.set(committeeId, { rules, loadedAt: now });
  return rules;
}

/** After a rule edit in this instance, read the rules again on the next award. */
export function forgetRules(committeeId: string): void {
  cache.delete(committeeId);
}
