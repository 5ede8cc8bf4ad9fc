/** The points rules: read by every member, versioned by the committee admin. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { RULE_CODES, ruleInForce, type Rule } from '../../../shared/points/rules';
import { chinaDay } from '../../../shared/time/china';
import { audit } from '../../_shared/audit';
import { inTransaction } from '../../_shared/transaction';
import { asMember, type ActionContext } from '../../_shared/define';
import { forgetRules, rulesFor } from '../../_shared/points/rules';
import { ruleView } from '../views';

export async function rules(_input: ActionInput<'points.rules'>, ctx: ActionContext): Promise<ActionOutput<'points.rules'>> {
  const { db, member, now } = asMember(ctx);
  const all = await rulesFor(db, member.committeeId);
  const today = chinaDay(now);
  return {
    inForce: RULE_CODES.flatMap((code) => {
      const rule = ruleInForce(all, code, today);
      return rule ? [ruleView(rule)] : [];
    }),
    versions: [...all].sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version).map(ruleView),
  };
}

export async function saveRule(input: ActionInput<'points.saveRule'>, ctx: ActionContext): Promise<ActionOutput<'points.saveRule'>> {
  const { db, member: actor, now } = asMember(ctx);
  // A new version may start today at the earliest: the past is never re-scored.
  if (input.effectiveFrom < chinaDay(now)) throw new AppError('INVALID_INPUT', '生效日期不能早于今天', { effectiveFrom: '不能早于今天' });
  forgetRules(actor.committeeId);
  const all = await rulesFor(db, actor.committeeId);
  const versions = all.filter((r) => r.code === input.code);
  const current = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const next: Rule = {
    code: input.code,
    category: current.category,
    points: input.points,
    ...(input.dailyCap !== null ? { dailyCap: input.dailyCap } : {}),
    ...(input.periodCap !== null ? { periodCap: input.periodCap } : {}),
    ...(current.minWatchedRatio !== undefined ? { minWatchedRatio: current.minWatchedRatio } : {}),
    version: current.version + 1,
    effectiveFrom: input.effectiveFrom,
  };
  const id = `${actor.committeeId}_${next.code}_v${next.version}`;
  await inTransaction(db, async (t) => {
    // `create` semantics: two admins saving at once cannot both write version n+1.
    const existing = await t.collection(COLLECTIONS.pointsRules).doc(id).get();
    if (existing.data) throw new AppError('CONFLICT', '规则刚被他人修改，请刷新后重试');
    await t.collection(COLLECTIONS.pointsRules).doc(id).set({ ...next, committeeId: actor.committeeId, createdBy: actor._id, createdAt: now });
    await audit(t, actor, now, { action: 'points.saveRule', targetType: 'rule', targetId: id, branchId: null, before: ruleView(current), after: ruleView(next) });
  });
  forgetRules(actor.committeeId);
  return ruleView(next);
}
