/** Writing the demo points (points.ts): each member's check-in documents, then their awards through the real engine. */
import { COLLECTIONS } from '../../shared/db/collections';
import { DEFAULT_RULES } from '../../shared/points/rules';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { award, type AwardRequest } from '../../cloudfunctions/_shared/points/engine';

/** One member's part of the seed: the check-in documents to write, then the awards in order. */
export interface MemberPlan {
  checkins: Array<Record<string, unknown>>;
  awards: AwardRequest[];
}

/** Members awarded at once: each member's awards go one after another (they share the totals document). */
const PARALLEL_MEMBERS = 8;

/** Writes the plans, a few members at a time; returns the number of awards made. */
export async function awardPlans(db: Database, plans: readonly MemberPlan[]): Promise<number> {
  let count = 0;
  let next = 0;
  const member = async () => {
    while (next < plans.length) {
      const { checkins, awards } = plans[next++];
      for (let i = 0; i < checkins.length; i += 100) await db.collection(COLLECTIONS.badgeCheckins).add(checkins.slice(i, i + 100));
      for (const request of awards) {
        await award(db, DEFAULT_RULES, request);
        count += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_MEMBERS, plans.length) }, member));
  return count;
}
