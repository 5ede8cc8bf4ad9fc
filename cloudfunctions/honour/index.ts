/**
 * Cloud function `honour`: the honour wall (上墙). Each group leader nominates outstanding
 * members of the group with their story (先进事迹) and a photo; the secretary confirms; the
 * wall shows the confirmed ones to the branch, ready to share to the WeChat group.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput, HonourView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc, groupDoc, memberDoc } from '../../shared/domain/org';
import { chinaQuarter } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { findAll, getById, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const honourDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  period: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  groupName: z.string().nullable(),
  nominatedBy: z.string(),
  story: z.string(),
  photo: z.string().nullable(),
  status: z.enum(['pending', 'confirmed', 'declined']),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
type HonourDoc = z.infer<typeof honourDoc>;

async function views(docs: HonourDoc[]): Promise<HonourView[]> {
  const urls = await tempUrls(docs.flatMap((d) => (d.photo ? [d.photo] : [])));
  return docs.map((d) => ({
    id: d._id,
    period: d.period,
    member: { id: d.memberId, name: d.memberName },
    group: d.groupName,
    nominatedBy: d.nominatedBy,
    story: d.story,
    photoUrl: d.photo ? (urls.get(d.photo) ?? null) : null,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
  }));
}

/** Where a nomination's photo is uploaded: the branch's own folder of the honour wall. */
export const honourFolder = (branchId: string | null) => `honour/${branchId ?? 'none'}`;

async function nominate(input: ActionInput<'honour.nominate'>, ctx: ActionContext): Promise<ActionOutput<'honour.nominate'>> {
  const { db, member: leader, now } = asMember(ctx);
  // The photo must be one uploaded for this branch's wall (the page stores it under honour/<branchId>/).
  if (input.photo) await requireImages(asMember(ctx), [input.photo], { folder: honourFolder(leader.branchId), field: 'photo', notOwn: '照片不属于本支部，请重新上传' });
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, leader.branchId, '成员不存在');
  // A group leader nominates within the groups they lead; anyone else answers like a missing member.
  const groups = await findAll(db, COLLECTIONS.groups, { branchId: leader.branchId, leaderId: leader._id }, groupDoc);
  const group = groups.find((g) => g._id === target.groupId);
  if (!group) throw new AppError('NOT_FOUND', '成员不存在');
  const existing = await findAll(db, COLLECTIONS.honours, { branchId: leader.branchId, period: input.period }, honourDoc);
  if (existing.some((h) => h.memberId === target._id && h.status !== 'declined')) throw new AppError('CONFLICT', '该党员本季度已被推荐');
  const doc: HonourDoc = {
    _id: newId('hon'),
    committeeId: leader.committeeId,
    branchId: leader.branchId,
    period: input.period,
    memberId: target._id,
    memberName: target.name,
    groupName: group.name,
    nominatedBy: leader.name,
    story: input.story,
    photo: input.photo,
    status: 'pending',
    createdAt: now,
    decidedAt: null,
  };
  await db.collection(COLLECTIONS.honours).doc(doc._id).set(withoutId(doc));
  return (await views([doc]))[0];
}

async function nominations(input: ActionInput<'honour.nominations'>, ctx: ActionContext): Promise<ActionOutput<'honour.nominations'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.honours, { branchId: member.branchId, period: input.period }, honourDoc);
  const order = { pending: 0, confirmed: 1, declined: 2 } as const;
  return { items: await views(docs.sort((a, b) => order[a.status] - order[b.status] || a.createdAt.getTime() - b.createdAt.getTime())) };
}

async function confirm(input: ActionInput<'honour.confirm'>, ctx: ActionContext): Promise<ActionOutput<'honour.confirm'>> {
  const { db, member: actor, now } = asMember(ctx);
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.honours).doc(input.nominationId).get();
    const before = data ? honourDoc.parse(data) : null;
    if (!before || before.branchId !== actor.branchId) throw new AppError('NOT_FOUND', '推荐不存在');
    if (before.status !== 'pending') throw new AppError('CONFLICT', '该推荐已处理');
    const next: HonourDoc = { ...before, status: input.approve ? 'confirmed' : 'declined', decidedAt: now };
    await t.collection(COLLECTIONS.honours).doc(before._id).set(withoutId(next));
    await audit(t, actor, now, { action: 'honour.confirm', targetType: 'honour', targetId: before._id, branchId: actor.branchId, before: { status: before.status }, after: { status: next.status, member: next.memberName } });
    return next;
  });
  return (await views([after]))[0];
}

async function wall(input: ActionInput<'honour.wall'>, ctx: ActionContext): Promise<ActionOutput<'honour.wall'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const [branch, docs] = await Promise.all([
    getById(db, COLLECTIONS.branches, member.branchId, branchDoc),
    findAll(db, COLLECTIONS.honours, { branchId: member.branchId, period, status: 'confirmed' }, honourDoc),
  ]);
  return { period, branchName: branch?.name ?? '', items: await views(docs.sort((a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0))) };
}

export const main = defineFunction('honour')({ nominate, nominations, confirm, wall });
