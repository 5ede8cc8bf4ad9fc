/** Corrections by the secretary: adjustments and reversals, each with a reason, each audited. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { memberDoc } from '../../../shared/domain/org';
import { ledgerEntryDoc } from '../../../shared/points/ledger';
import { audit } from '../../_shared/audit';
import { asMember, type ActionContext } from '../../_shared/define';
import { getInBranch } from '../../_shared/repo';
import { adjust as adjustPoints, reverse as reverseEntry } from '../../_shared/points/engine';

const SELF_MESSAGE = '不能调整或冲销自己的积分，请由其他支部委员或党委调整';

export async function adjust(input: ActionInput<'points.adjust'>, ctx: ActionContext): Promise<ActionOutput<'points.adjust'>> {
  const { db, member: actor, now } = asMember(ctx);
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, actor.branchId, '成员不存在');
  // Nobody approves their own points (as volunteer.confirm): another committee member or the 党委 does.
  if (target._id === actor._id) throw new AppError('FORBIDDEN', SELF_MESSAGE);
  const result = await adjustPoints(db, {
    member: target,
    author: actor,
    reason: input.reason,
    at: now,
    points: input.points,
    category: input.category,
    requestId: input.requestId,
  });
  if (result.status !== 'duplicate') {
    await audit(db, actor, now, {
      action: 'points.adjust',
      targetType: 'ledgerEntry',
      targetId: result.entryId,
      branchId: actor.branchId,
      before: null,
      after: { memberId: target._id, points: result.points, category: input.category, reason: input.reason },
    });
  }
  return { entryId: result.entryId, points: result.points, duplicate: result.status === 'duplicate' };
}

export async function reverse(input: ActionInput<'points.reverse'>, ctx: ActionContext): Promise<ActionOutput<'points.reverse'>> {
  const { db, member: actor, now } = asMember(ctx);
  const original = await getInBranch(db, COLLECTIONS.ledger, input.entryId, ledgerEntryDoc, actor.branchId, '积分记录不存在');
  if (original.kind === 'reversal') throw new AppError('CONFLICT', '冲销记录不能再冲销');
  if (original.memberId === actor._id) throw new AppError('FORBIDDEN', SELF_MESSAGE);
  const result = await reverseEntry(db, original, { author: actor, reason: input.reason, at: now });
  if (result.status !== 'duplicate') {
    await audit(db, actor, now, {
      action: 'points.reverse',
      targetType: 'ledgerEntry',
      targetId: original._id,
      branchId: actor.branchId,
      before: { points: original.points, label: original.label },
      after: { reversal: result.entryId, points: result.points, reason: input.reason },
    });
  }
  return { entryId: result.entryId, points: result.points, duplicate: result.status === 'duplicate' };
}
