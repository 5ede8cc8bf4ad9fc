/**
 * A branch's result for a quarter, computed from the period totals the award engine keeps
 * (one query: the branch's members joined to their totals) and the closed appraisal round.
 * Used by close (preview) and publish (frozen snapshot), and by the publish benchmark.
 */
import { z } from 'zod';
import type { ResultRow } from '../../shared/api/contract';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { EXEMPT_CATEGORIES } from '../../shared/domain/vocabulary';
import { periodTotalsDoc } from '../../shared/points/ledger';
import { GRADES, rankBranch, type Grade } from '../../shared/points/ranking';
import type { Database } from '../_shared/cloud';

const memberWithTotals = memberDoc.extend({ totals: z.array(periodTotalsDoc) });

export interface BranchComputation {
  rows: ResultRow[];
  exempt: Array<{ memberId: string; name: string; points: number }>;
  gradeCounts: Record<Grade, number>;
}

export async function computeBranchResult(db: Database, branchId: string, period: string, appraisal: Record<string, number> | null): Promise<BranchComputation> {
  const { data } = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ branchId })
    .lookup({ from: COLLECTIONS.totals, localField: '_id', foreignField: 'memberId', as: 'totals' })
    .limit(1000)
    .end();
  const members = (data as unknown[]).map((row) => memberWithTotals.parse(row));
  const names = new Map(members.map((m) => [m._id, m.name]));
  const result = rankBranch(
    members.map((m) => {
      const totals = m.totals.find((t) => t.period === period);
      return {
        memberId: m._id,
        exempt: EXEMPT_CATEGORIES.has(m.category),
        mandatory: totals?.mandatory ?? 0,
        optional: totals?.optional ?? 0,
        appraisal: appraisal ? (appraisal[m._id] ?? null) : null,
      };
    }),
  );
  const gradeCounts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of result.ranked) gradeCounts[r.grade] += 1;
  return {
    rows: result.ranked.map((r) => ({ memberId: r.memberId, name: names.get(r.memberId) ?? '', rank: r.rank, points: r.points, appraisal: r.appraisal, score: r.score, grade: r.grade })),
    exempt: result.exempt.map((e) => ({ memberId: e.memberId, name: names.get(e.memberId) ?? '', points: e.points })),
    gradeCounts,
  };
}
