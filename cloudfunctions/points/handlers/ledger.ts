/** 积分档案: a member's own ledger ("why do I have this point"), and the secretary's view of a member's. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { memberDoc } from '../../../shared/domain/org';
import { ledgerEntryDoc, periodTotalsDoc, totalsId, type LedgerEntryDoc } from '../../../shared/points/ledger';
import { cappedPoints } from '../../../shared/points/ranking';
import { CATEGORY_CAPS, RULE_CODES, ruleInForce } from '../../../shared/points/rules';
import { chinaDay, chinaQuarter } from '../../../shared/time/china';
import type { Database } from '../../_shared/cloud';
import { asMember, type ActionContext } from '../../_shared/define';
import { findAll, getById, getInBranch } from '../../_shared/repo';
import { rulesFor } from '../../_shared/points/rules';
import { entryView } from '../views';

async function entriesOf(db: Database, memberId: string, period: string): Promise<LedgerEntryDoc[]> {
  const { data } = await db.collection(COLLECTIONS.ledger).where({ memberId, period }).orderBy('at', 'desc').limit(1000).get();
  return (data as unknown[]).map((row) => ledgerEntryDoc.parse(row));
}

function reversedIds(entries: readonly LedgerEntryDoc[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
}

export async function myLedger(input: ActionInput<'points.myLedger'>, ctx: ActionContext): Promise<ActionOutput<'points.myLedger'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const [entries, allTotals, rules] = await Promise.all([
    entriesOf(db, member._id, period),
    findAll(db, COLLECTIONS.totals, { memberId: member._id }, periodTotalsDoc, 100),
    rulesFor(db, member.committeeId),
  ]);
  const totals = allTotals.find((t) => t.period === period);
  const today = chinaDay(now);
  const todayRows = RULE_CODES.flatMap((code) => {
    const rule = ruleInForce(rules, code, today);
    if (!rule) return [];
    return [{
      rule: code,
      current: totals?.byRuleDay[code]?.[today] ?? 0,
      dailyCap: rule.dailyCap ?? null,
      period: totals?.byRule[code] ?? 0,
      periodCap: rule.periodCap ?? null,
    }];
  });
  const mandatory = totals?.mandatory ?? 0;
  const optional = totals?.optional ?? 0;
  return {
    period,
    total: totals?.total ?? 0,
    mandatory,
    optional,
    counted: cappedPoints({ mandatory, optional }),
    caps: CATEGORY_CAPS,
    entries: entries.map((e) => entryView(e, reversedIds(entries))),
    today: todayRows,
    periods: allTotals
      .filter((t) => t.period !== period)
      .sort((a, b) => b.period.localeCompare(a.period))
      .map((t) => ({ period: t.period, total: t.total })),
  };
}

export async function memberLedger(input: ActionInput<'points.memberLedger'>, ctx: ActionContext): Promise<ActionOutput<'points.memberLedger'>> {
  const { db, member: actor, now } = asMember(ctx);
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, actor.branchId, '成员不存在');
  const period = input.period ?? chinaQuarter(now);
  const [entries, totals] = await Promise.all([
    entriesOf(db, target._id, period),
    getById(db, COLLECTIONS.totals, totalsId(target._id, period), periodTotalsDoc),
  ]);
  if (!target.branchId) throw new AppError('NOT_FOUND', '成员不存在');
  return { period, name: target.name, total: totals?.total ?? 0, entries: entries.map((e) => entryView(e, reversedIds(entries))) };
}
