/** 民主评议: the secretary opens a round, each member casts one anonymous ballot, the secretary closes it. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { memberDoc } from '../../../shared/domain/org';
import { addBallot, tallyResults, type AppraisalRating } from '../../../shared/points/appraisal';
import { audit } from '../../_shared/audit';
import { asMember, type ActionContext } from '../../_shared/define';
import { findAll, getById, withoutId } from '../../_shared/repo';
import { inTransaction } from '../../_shared/transaction';
import { appraisalDoc, ballotDoc, ballotId, roundId, type AppraisalDoc } from '../../_shared/periods';
import { periodOf } from './period';

export async function openAppraisal(input: ActionInput<'quarter.openAppraisal'>, ctx: ActionContext): Promise<ActionOutput<'quarter.openAppraisal'>> {
  const { db, member: actor, now } = asMember(ctx);
  const period = await periodOf(db, actor, input.period, now);
  if (period.state !== 'open') throw new AppError('CONFLICT', '本季度已关闭，不能再开启民主评议');
  const id = roundId(actor.branchId, input.period);
  const members = await findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc);
  const round: AppraisalDoc = { _id: id, branchId: actor.branchId, period: input.period, state: 'open', voters: members.length, ballots: 0, tally: {}, results: null, openedAt: now, closedAt: null };
  await inTransaction(db, async (t) => {
    const existing = await t.collection(COLLECTIONS.appraisals).doc(id).get();
    if (existing.data) throw new AppError('CONFLICT', '本季度的民主评议已经开启过');
    await t.collection(COLLECTIONS.appraisals).doc(id).set(withoutId(round));
    await audit(t, actor, now, { action: 'quarter.openAppraisal', targetType: 'appraisal', targetId: id, branchId: actor.branchId, before: null, after: round });
  });
  return { period: input.period, state: 'open' };
}

async function openRound(ctx: ActionContext, period: string) {
  const { db, member } = asMember(ctx);
  const round = await getById(db, COLLECTIONS.appraisals, roundId(member.branchId, period), appraisalDoc);
  if (!round || round.state !== 'open') throw new AppError('CONFLICT', '当前没有进行中的民主评议');
  return round;
}

export async function ballot(input: ActionInput<'quarter.ballot'>, ctx: ActionContext): Promise<ActionOutput<'quarter.ballot'>> {
  const { db, member } = asMember(ctx);
  const round = await openRound(ctx, input.period);
  const [members, mine] = await Promise.all([
    findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc),
    getById(db, COLLECTIONS.ballots, ballotId(round._id, member._id), ballotDoc),
  ]);
  return {
    period: input.period,
    candidates: members.filter((m) => m._id !== member._id).sort((a, b) => a._id.localeCompare(b._id)).map((m) => ({ memberId: m._id, name: m.name })),
    cast: Boolean(mine),
  };
}

export async function castBallot(input: ActionInput<'quarter.castBallot'>, ctx: ActionContext): Promise<ActionOutput<'quarter.castBallot'>> {
  const { db, member, now } = asMember(ctx);
  const round = await openRound(ctx, input.period);
  const members = await findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc);
  const candidates = new Set(members.filter((m) => m._id !== member._id).map((m) => m._id));
  const ratings: Record<string, AppraisalRating> = {};
  for (const r of input.ratings) {
    if (!candidates.has(r.memberId)) throw new AppError('INVALID_INPUT', '只能评议本支部的其他党员', { ratings: '包含不可评议的成员' });
    ratings[r.memberId] = r.rating;
  }
  if (Object.keys(ratings).length !== candidates.size) throw new AppError('INVALID_INPUT', '请评议本支部的每一位其他党员', { ratings: '还有成员未评议' });
  const id = ballotId(round._id, member._id);
  await inTransaction(db, async (t) => {
    const existing = await t.collection(COLLECTIONS.ballots).doc(id).get();
    if (existing.data) throw new AppError('CONFLICT', '您已经投过票了，每人只能投一次');
    const current = await t.collection(COLLECTIONS.appraisals).doc(round._id).get();
    const live = appraisalDoc.parse(current.data);
    if (live.state !== 'open') throw new AppError('CONFLICT', '民主评议已结束');
    await t.collection(COLLECTIONS.ballots).doc(id).set({ roundId: round._id, at: now });
    await t.collection(COLLECTIONS.appraisals).doc(round._id).set(withoutId({ ...live, ballots: live.ballots + 1, tally: addBallot(live.tally, ratings) }));
  });
  return { cast: true };
}

export async function closeAppraisal(input: ActionInput<'quarter.closeAppraisal'>, ctx: ActionContext): Promise<ActionOutput<'quarter.closeAppraisal'>> {
  const { db, member: actor, now } = asMember(ctx);
  const round = await openRound(ctx, input.period);
  const results = tallyResults(round.tally);
  const after: AppraisalDoc = { ...round, state: 'closed', results, closedAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.appraisals).doc(round._id).set(withoutId(after));
    await audit(t, actor, now, { action: 'quarter.closeAppraisal', targetType: 'appraisal', targetId: round._id, branchId: actor.branchId, before: { state: 'open', ballots: round.ballots }, after: { state: 'closed', ballots: round.ballots } });
  });
  return { period: input.period, ballots: round.ballots, results: Object.keys(results).length };
}
