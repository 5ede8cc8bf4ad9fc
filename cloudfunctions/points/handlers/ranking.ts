/**
 * The live ranking of a quarter: one database query (the branch's members with their
 * period totals joined by $lookup on an index), then the shared ranking rules.
 */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { COLLECTIONS } from '../../../shared/db/collections';
import { memberDoc } from '../../../shared/domain/org';
import { EXEMPT_CATEGORIES } from '../../../shared/domain/vocabulary';
import { periodTotalsDoc } from '../../../shared/points/ledger';
import { rankBranch } from '../../../shared/points/ranking';
import { chinaQuarter } from '../../../shared/time/china';
import { asMember, type ActionContext } from '../../_shared/define';
import { z } from 'zod';

const row = memberDoc.extend({ totals: z.array(periodTotalsDoc) });

export async function ranking(input: ActionInput<'points.ranking'>, ctx: ActionContext): Promise<ActionOutput<'points.ranking'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  // Members outside any group have no group ranking (they are not a group of their own).
  if (input.scope === 'group' && !member.groupId) return { period, scope: input.scope, rows: [], exempt: [], myRank: null };
  const match: Record<string, unknown> = { branchId: member.branchId };
  if (input.scope === 'group') match.groupId = member.groupId;
  const { data } = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match(match)
    .lookup({ from: COLLECTIONS.totals, localField: '_id', foreignField: 'memberId', as: 'totals' })
    .limit(1000)
    .end();
  const rows = (data as unknown[]).map((r) => row.parse(r));
  const byId = new Map(rows.map((r) => [r._id, r]));
  const result = rankBranch(
    rows.map((r) => {
      const totals = r.totals.find((t) => t.period === period);
      return { memberId: r._id, exempt: EXEMPT_CATEGORIES.has(r.category), mandatory: totals?.mandatory ?? 0, optional: totals?.optional ?? 0, appraisal: null };
    }),
  );
  return {
    period,
    scope: input.scope,
    rows: result.ranked.map((r) => {
      const m = byId.get(r.memberId)!;
      const totals = m.totals.find((t) => t.period === period);
      return {
        rank: r.rank,
        memberId: r.memberId,
        name: m.name,
        groupId: m.groupId,
        score: r.score,
        mandatory: totals?.mandatory ?? 0,
        optional: totals?.optional ?? 0,
        grade: r.grade,
      };
    }),
    exempt: result.exempt.map((e) => ({ memberId: e.memberId, name: byId.get(e.memberId)?.name ?? '', points: e.points })),
    myRank: result.ranked.find((r) => r.memberId === member._id)?.rank ?? null,
  };
}
