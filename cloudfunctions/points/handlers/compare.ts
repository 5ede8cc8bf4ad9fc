/** The committee admin's comparison of branches: average counted points and participation per rule. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { COLLECTIONS } from '../../../shared/db/collections';
import { branchDoc } from '../../../shared/domain/org';
import { periodTotalsDoc } from '../../../shared/points/ledger';
import { cappedPoints } from '../../../shared/points/ranking';
import { RULE_CODES, type RuleCode } from '../../../shared/points/rules';
import { chinaQuarter } from '../../../shared/time/china';
import { asMember, type ActionContext } from '../../_shared/define';
import { findAll } from '../../_shared/repo';
import { rate } from '../../../shared/domain/rates';

export async function compareBranches(input: ActionInput<'points.compareBranches'>, ctx: ActionContext): Promise<ActionOutput<'points.compareBranches'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const $ = db.command.aggregate;
  const [branches, counts, totals] = await Promise.all([
    findAll(db, COLLECTIONS.branches, { committeeId: member.committeeId }, branchDoc),
    db.collection(COLLECTIONS.members).aggregate().match({ committeeId: member.committeeId }).group({ _id: '$branchId', n: $.sum(1) }).limit(5000).end(),
    findAll(db, COLLECTIONS.totals, { committeeId: member.committeeId, period }, periodTotalsDoc, 1000),
  ]);
  const size = new Map((counts.data as Array<{ _id: string; n: number }>).map((r) => [r._id, r.n]));
  return {
    period,
    branches: branches
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((branch) => {
        const mine = totals.filter((t) => t.branchId === branch._id);
        const members = size.get(branch._id) ?? 0;
        const counted = mine.reduce((sum, t) => sum + cappedPoints({ mandatory: t.mandatory, optional: t.optional }), 0);
        const participation = Object.fromEntries(
          RULE_CODES.map((code) => [code, rate(mine.filter((t) => (t.byRule[code] ?? 0) > 0).length, members)]),
        ) as Record<RuleCode, number>;
        return { id: branch._id, name: branch.name, members, averageCounted: members ? Math.round((counted / members) * 100) / 100 : 0, participation };
      }),
  };
}
