/** Closing and publishing a quarter, and the published result members see. */
import type { ActionInput, ActionOutput, QuarterResult } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import type { MemberDoc } from '../../../shared/domain/org';
import { chinaQuarter } from '../../../shared/time/china';
import { audit } from '../../_shared/audit';
import type { Database } from '../../_shared/cloud';
import { asMember, type ActionContext } from '../../_shared/define';
import { getById, withoutId } from '../../_shared/repo';
import { inTransaction } from '../../_shared/transaction';
import { computeBranchResult } from '../compute';
import { appraisalDoc, ballotDoc, ballotId, periodDoc, roundId, snapshotDoc, type PeriodDoc, type SnapshotDoc } from '../../_shared/periods';

/** The period's state document, or a fresh open one (periods open by themselves as quarters begin). */
export async function periodOf(db: Database, member: MemberDoc & { branchId: string }, period: string, now: Date): Promise<PeriodDoc> {
  const found = await getById(db, COLLECTIONS.periods, roundId(member.branchId, period), periodDoc);
  return found ?? { _id: roundId(member.branchId, period), committeeId: member.committeeId, branchId: member.branchId, period, state: 'open', publishedVersion: null, updatedAt: now };
}

function toResult(snapshot: SnapshotDoc, memberId: string): QuarterResult {
  return {
    period: snapshot.period,
    version: snapshot.version,
    publishedAt: snapshot.publishedAt.toISOString(),
    reason: snapshot.reason,
    rows: snapshot.rows,
    exempt: snapshot.exempt,
    gradeCounts: snapshot.gradeCounts,
    mine: snapshot.rows.find((r) => r.memberId === memberId) ?? null,
  };
}

export async function status(input: ActionInput<'quarter.status'>, ctx: ActionContext): Promise<ActionOutput<'quarter.status'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const [state, round] = await Promise.all([
    periodOf(db, member, period, now),
    getById(db, COLLECTIONS.appraisals, roundId(member.branchId, period), appraisalDoc),
  ]);
  const mine = round ? await getById(db, COLLECTIONS.ballots, ballotId(round._id, member._id), ballotDoc) : null;
  return {
    period,
    state: state.state,
    publishedVersion: state.publishedVersion,
    appraisal: round ? { state: round.state, ballots: round.ballots, voters: round.voters } : null,
    myBallotCast: Boolean(mine),
  };
}

export async function close(input: ActionInput<'quarter.close'>, ctx: ActionContext): Promise<ActionOutput<'quarter.close'>> {
  const { db, member: actor, now } = asMember(ctx);
  if (input.period >= chinaQuarter(now)) throw new AppError('CONFLICT', '季度尚未结束，结束后才能关闭');
  const before = await periodOf(db, actor, input.period, now);
  if (before.state !== 'open') throw new AppError('CONFLICT', '本季度已经关闭');
  const round = await getById(db, COLLECTIONS.appraisals, roundId(actor.branchId, input.period), appraisalDoc);
  if (round?.state === 'open') throw new AppError('CONFLICT', '请先结束本季度的民主评议');
  const preview = await computeBranchResult(db, actor.branchId, input.period, round?.results ?? null);
  const after: PeriodDoc = { ...before, state: 'closed', updatedAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.periods).doc(after._id).set(withoutId(after));
    await audit(t, actor, now, { action: 'quarter.close', targetType: 'period', targetId: after._id, branchId: actor.branchId, before: { state: before.state }, after: { state: 'closed' } });
  });
  return { period: input.period, state: 'closed', preview: preview.rows };
}

export async function publish(input: ActionInput<'quarter.publish'>, ctx: ActionContext): Promise<ActionOutput<'quarter.publish'>> {
  const { db, member: actor, now } = asMember(ctx);
  const before = await periodOf(db, actor, input.period, now);
  if (before.state === 'open') throw new AppError('CONFLICT', '请先关闭本季度，再发布结果');
  const version = (before.publishedVersion ?? 0) + 1;
  if (version > 1 && !input.reason) throw new AppError('INVALID_INPUT', '更正已发布的结果需要填写原因', { reason: '请填写更正原因' });
  const round = await getById(db, COLLECTIONS.appraisals, roundId(actor.branchId, input.period), appraisalDoc);
  const computed = await computeBranchResult(db, actor.branchId, input.period, round?.results ?? null);
  const snapshot: SnapshotDoc = {
    _id: `${actor.branchId}_${input.period}_v${version}`,
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    period: input.period,
    version,
    reason: input.reason ?? null,
    publishedAt: now,
    publishedBy: actor._id,
    ...computed,
  };
  const after: PeriodDoc = { ...before, state: 'published', publishedVersion: version, updatedAt: now };
  await inTransaction(db, async (t) => {
    // A snapshot id is its version: two secretaries publishing at once cannot both write version n.
    const clash = await t.collection(COLLECTIONS.snapshots).doc(snapshot._id).get();
    if (clash.data) throw new AppError('CONFLICT', '结果刚刚发布过，请刷新');
    await t.collection(COLLECTIONS.snapshots).doc(snapshot._id).set(withoutId(snapshot));
    await t.collection(COLLECTIONS.periods).doc(after._id).set(withoutId(after));
    await audit(t, actor, now, { action: 'quarter.publish', targetType: 'snapshot', targetId: snapshot._id, branchId: actor.branchId, before: { version: before.publishedVersion }, after: { version, reason: snapshot.reason, gradeCounts: snapshot.gradeCounts } });
  });
  return toResult(snapshot, actor._id);
}

export async function result(input: ActionInput<'quarter.result'>, ctx: ActionContext): Promise<ActionOutput<'quarter.result'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const state = await periodOf(db, member, period, now);
  if (!state.publishedVersion) throw new AppError('NOT_FOUND', '本季度结果尚未发布');
  const version = input.version ?? state.publishedVersion;
  if (version > state.publishedVersion) throw new AppError('NOT_FOUND', '该版本不存在');
  const snapshot = await getById(db, COLLECTIONS.snapshots, `${member.branchId}_${period}_v${version}`, snapshotDoc);
  if (!snapshot) throw new AppError('NOT_FOUND', '本季度结果尚未发布');
  return toResult(snapshot, member._id);
}
