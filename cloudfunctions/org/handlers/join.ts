/**
 * Joining a branch: a WeChat user opens an invitation, asks to join with name and phone,
 * and the secretary approves (binding that WeChat identity to a member) or rejects.
 */
import type { ActionInput, ActionOutput, JoinRequestView } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { branchDoc, groupDoc, invitationDoc, joinRequestDoc, memberDoc, type JoinRequestDoc, type MemberDoc } from '../../../shared/domain/org';
import { chinaDay } from '../../../shared/time/china';
import { maskPhone } from '../../../shared/domain/text';
import { audit } from '../../_shared/audit';
import type { Database } from '../../_shared/cloud';
import { asMember, type ActionContext } from '../../_shared/define';
import { findMemberByOpenid } from '../../_shared/members';
import { findAll, getById, getInBranch, newId, withoutId } from '../../_shared/repo';
import { invitationState, STATE_MESSAGES } from './invitations';

async function toViews(db: Database, requests: JoinRequestDoc[], showPhone: boolean): Promise<JoinRequestView[]> {
  if (requests.length === 0) return [];
  const branchIds = [...new Set(requests.map((r) => r.branchId))];
  const [branches, groups] = await Promise.all([
    Promise.all(branchIds.map((id) => getById(db, COLLECTIONS.branches, id, branchDoc))),
    findAll(db, COLLECTIONS.groups, { branchId: db.command.in(branchIds) }, groupDoc),
  ]);
  const branchNames = new Map(branches.flatMap((b) => (b ? [[b._id, b.name] as const] : [])));
  const groupNames = new Map(groups.map((g) => [g._id, g.name]));
  return requests.map((r) => ({
    id: r._id,
    name: r.name,
    phone: showPhone ? r.phone : maskPhone(r.phone),
    branchName: branchNames.get(r.branchId) ?? '',
    group: r.groupId ? { id: r.groupId, name: groupNames.get(r.groupId) ?? '' } : null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    reason: r.reason,
  }));
}

async function latestRequestOf(db: Database, openid: string): Promise<JoinRequestDoc | null> {
  const { data } = await db.collection(COLLECTIONS.joinRequests).where({ openid }).orderBy('createdAt', 'desc').limit(1).get();
  const row = (data as unknown[])[0];
  return row ? joinRequestDoc.parse(row) : null;
}

export async function requestJoin(input: ActionInput<'org.requestJoin'>, ctx: ActionContext): Promise<ActionOutput<'org.requestJoin'>> {
  const { db, openid, now } = ctx;
  const invitation = await getById(db, COLLECTIONS.invitations, input.code, invitationDoc);
  if (!invitation) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重试');
  const state = invitationState(invitation, now);
  if (state !== 'valid') throw new AppError('CONFLICT', STATE_MESSAGES[state]);
  const latest = await latestRequestOf(db, openid);
  if (latest?.status === 'pending') throw new AppError('CONFLICT', '您已提交入支部申请，请等待支部书记审核');

  // Take one use of the invitation only if it is still usable: one conditional update, so
  // two people racing for the last place cannot both get it.
  const _ = db.command;
  const taken = await db
    .collection(COLLECTIONS.invitations)
    .where({ _id: invitation._id, revoked: false, uses: _.lt(invitation.maxUses), expiresAt: _.gt(now) })
    .update({ uses: _.inc(1) });
  if (!taken.updated) throw new AppError('CONFLICT', STATE_MESSAGES.usedUp);

  const request: JoinRequestDoc = {
    _id: newId('jr'),
    committeeId: invitation.committeeId,
    branchId: invitation.branchId,
    groupId: invitation.groupId,
    code: invitation._id,
    openid,
    name: input.name,
    phone: input.phone,
    status: 'pending',
    createdAt: now,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    memberId: null,
  };
  await db.collection(COLLECTIONS.joinRequests).add(request);
  const [view] = await toViews(db, [request], true);
  return view;
}

export async function myJoinRequest(_input: ActionInput<'org.myJoinRequest'>, ctx: ActionContext): Promise<ActionOutput<'org.myJoinRequest'>> {
  const latest = await latestRequestOf(ctx.db, ctx.openid);
  return { request: latest ? (await toViews(ctx.db, [latest], true))[0] : null };
}

export async function joinRequests(input: ActionInput<'org.joinRequests'>, ctx: ActionContext): Promise<ActionOutput<'org.joinRequests'>> {
  const { db, member: actor } = asMember(ctx);
  const filter: Record<string, unknown> = { branchId: actor.branchId };
  if (input.status) filter.status = input.status;
  const list = await findAll(db, COLLECTIONS.joinRequests, filter, joinRequestDoc, 200);
  const order = { pending: 0, approved: 1, rejected: 2 } as const;
  list.sort((a, b) => order[a.status] - order[b.status] || b.createdAt.getTime() - a.createdAt.getTime());
  return { requests: await toViews(db, list, true) };
}

export async function decideJoin(input: ActionInput<'org.decideJoin'>, ctx: ActionContext): Promise<ActionOutput<'org.decideJoin'>> {
  const { db, member: actor, now } = asMember(ctx);
  const before = await getInBranch(db, COLLECTIONS.joinRequests, input.requestId, joinRequestDoc, actor.branchId, '申请不存在');
  if (before.status !== 'pending') throw new AppError('CONFLICT', '该申请已处理过');

  if (!input.approve) {
    const after: JoinRequestDoc = { ...before, status: 'rejected', decidedBy: actor._id, decidedAt: now, reason: input.reason ?? null };
    await db.runTransaction(async (t) => {
      await t.collection(COLLECTIONS.joinRequests).doc(before._id).set(withoutId(after));
      await audit(t, actor, now, { action: 'org.decideJoin', targetType: 'joinRequest', targetId: before._id, branchId: actor.branchId, before, after });
    });
    return { request: (await toViews(db, [after], true))[0], memberId: null };
  }

  if (await findMemberByOpenid(db, before.openid)) throw new AppError('CONFLICT', '该微信已绑定其他成员，不能重复绑定');
  let member: MemberDoc;
  let memberBefore: MemberDoc | null = null;
  if (input.bindTo) {
    memberBefore = await getInBranch(db, COLLECTIONS.members, input.bindTo, memberDoc, actor.branchId, '成员不存在');
    if (memberBefore.openid) throw new AppError('CONFLICT', '该成员已绑定微信');
    member = { ...memberBefore, openid: before.openid, phone: before.phone };
  } else {
    member = {
      _id: newId('m'),
      committeeId: before.committeeId,
      branchId: before.branchId,
      name: before.name,
      phone: before.phone,
      joinedOn: chinaDay(now),
      category: 'regular',
      groupId: before.groupId,
      unitIds: [],
      roles: ['member'],
      duty: null,
      openid: before.openid,
    };
  }
  const after: JoinRequestDoc = { ...before, status: 'approved', decidedBy: actor._id, decidedAt: now, reason: input.reason ?? null, memberId: member._id };
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.joinRequests).doc(before._id).set(withoutId(after));
    await t.collection(COLLECTIONS.members).doc(member._id).set(withoutId(member));
    await audit(t, actor, now, { action: 'org.decideJoin', targetType: 'joinRequest', targetId: before._id, branchId: actor.branchId, before, after });
    await audit(t, actor, now, { action: 'org.bindMember', targetType: 'member', targetId: member._id, branchId: actor.branchId, before: memberBefore, after: member });
  });
  return { request: (await toViews(db, [after], true))[0], memberId: member._id };
}
