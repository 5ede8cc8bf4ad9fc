/** The secretary edits the branch: members' places and roles, groups, units and duty lists. Every change is audited with the change itself. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { dutyItemDoc, type DutyItemDoc, type GroupDoc, type MemberDoc, type UnitDoc } from '../../../shared/domain/org';
import type { Role } from '../../../shared/domain/roles';
import { audit } from '../../_shared/audit';
import type { Transaction } from '../../_shared/cloud';
import { asMember, type ActionContext } from '../../_shared/define';
import { getInBranch, newId, withoutId } from '../../_shared/repo';
import { loadBranchOrg, type BranchOrg } from '../branch';
import { dutyItemView, groupView, memberView, unitView } from '../views';

function requireMember(org: BranchOrg, id: string, field: string): MemberDoc {
  const found = org.memberById.get(id);
  if (!found) throw new AppError('NOT_FOUND', '成员不存在', { [field]: '不是本支部的成员' });
  return found;
}

async function putMember(t: Transaction, member: MemberDoc): Promise<void> {
  await t.collection(COLLECTIONS.members).doc(member._id).set(withoutId(member));
}

export async function updateMember(input: ActionInput<'org.updateMember'>, ctx: ActionContext): Promise<ActionOutput<'org.updateMember'>> {
  const { db, member: actor, now } = asMember(ctx);
  const org = await loadBranchOrg(db, actor.branchId);
  const before = requireMember(org, input.memberId, 'memberId');
  const after: MemberDoc = { ...before, unitIds: [...before.unitIds], roles: [...before.roles] };

  if (input.groupId !== undefined) {
    if (input.groupId !== null && !org.groupById.has(input.groupId)) throw new AppError('NOT_FOUND', '党小组不存在', { groupId: '不是本支部的党小组' });
    after.groupId = input.groupId;
  }
  if (input.unitIds !== undefined) {
    for (const id of input.unitIds) if (!org.unitById.has(id)) throw new AppError('NOT_FOUND', '岗区队不存在', { unitIds: '不是本支部的岗区队' });
    after.unitIds = [...new Set(input.unitIds)];
  }
  if (input.roles !== undefined) {
    const roles = new Set<Role>(input.roles);
    roles.add('member');
    if (before.roles.includes('committeeAdmin')) roles.add('committeeAdmin'); // the committee's, not the branch's, to give
    if (before._id === actor._id && !roles.has('secretary')) throw new AppError('CONFLICT', '不能取消自己的支部书记角色');
    after.roles = [...roles];
  }
  if (input.category !== undefined) after.category = input.category;
  if (input.duty !== undefined) after.duty = input.duty;

  const changedUnits: UnitDoc[] = [];
  for (const unit of org.units) {
    const has = unit.memberIds.includes(before._id);
    const should = after.unitIds.includes(unit._id);
    if (has !== should) {
      changedUnits.push({ ...unit, memberIds: should ? [...unit.memberIds, before._id] : unit.memberIds.filter((id) => id !== before._id) });
    }
  }

  await db.runTransaction(async (t) => {
    await putMember(t, after);
    for (const unit of changedUnits) await t.collection(COLLECTIONS.units).doc(unit._id).set(withoutId(unit));
    await audit(t, actor, now, { action: 'org.updateMember', targetType: 'member', targetId: before._id, branchId: actor.branchId, before, after });
  });
  for (const unit of changedUnits) org.unitById.set(unit._id, unit);
  org.memberById.set(after._id, after);
  return memberView(after, org, actor);
}

export async function saveGroup(input: ActionInput<'org.saveGroup'>, ctx: ActionContext): Promise<ActionOutput<'org.saveGroup'>> {
  const { db, member: actor, now } = asMember(ctx);
  const org = await loadBranchOrg(db, actor.branchId);
  const before = input.groupId ? org.groupById.get(input.groupId) : undefined;
  if (input.groupId && !before) throw new AppError('NOT_FOUND', '党小组不存在');
  if (org.groups.some((g) => g.name === input.name && g._id !== input.groupId)) throw new AppError('CONFLICT', '已有同名的党小组', { name: '名称重复' });
  const leader = input.leaderId ? requireMember(org, input.leaderId, 'leaderId') : null;
  const liaison = input.liaisonId ? requireMember(org, input.liaisonId, 'liaisonId') : null;
  if (liaison && !liaison.roles.some((r) => r === 'committeeMember' || r === 'secretary')) throw new AppError('INVALID_INPUT', '联系委员须是支部委员', { liaisonId: '请选择支部委员' });
  const liaisonId = input.liaisonId === undefined ? (before?.liaisonId ?? null) : (liaison?._id ?? null);
  const after: GroupDoc = { _id: before?._id ?? newId('g'), branchId: actor.branchId, name: input.name, leaderId: leader?._id ?? null, liaisonId };

  // The groupLeader role follows leadership: the new leader gains it, a former leader who leads no other group loses it.
  const memberChanges: MemberDoc[] = [];
  if (leader && !leader.roles.includes('groupLeader')) memberChanges.push({ ...leader, roles: [...leader.roles, 'groupLeader'] });
  const formerId = before?.leaderId;
  if (formerId && formerId !== after.leaderId) {
    const former = org.memberById.get(formerId);
    const leadsAnother = org.groups.some((g) => g._id !== after._id && g.leaderId === formerId);
    if (former && !leadsAnother) memberChanges.push({ ...former, roles: former.roles.filter((r) => r !== 'groupLeader') });
  }

  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.groups).doc(after._id).set(withoutId(after));
    for (const m of memberChanges) await putMember(t, m);
    await audit(t, actor, now, { action: 'org.saveGroup', targetType: 'group', targetId: after._id, branchId: actor.branchId, before: before ?? null, after });
  });
  org.groupById.set(after._id, after);
  return groupView(after, org);
}

export async function saveUnit(input: ActionInput<'org.saveUnit'>, ctx: ActionContext): Promise<ActionOutput<'org.saveUnit'>> {
  const { db, member: actor, now } = asMember(ctx);
  const org = await loadBranchOrg(db, actor.branchId);
  const before = input.unitId ? org.unitById.get(input.unitId) : undefined;
  if (input.unitId && !before) throw new AppError('NOT_FOUND', '岗区队不存在');
  const memberIds = [...new Set(input.memberIds)];
  for (const id of memberIds) requireMember(org, id, 'memberIds');
  if (input.leaderId) {
    requireMember(org, input.leaderId, 'leaderId');
    if (!memberIds.includes(input.leaderId)) memberIds.unshift(input.leaderId);
  }
  const after: UnitDoc = {
    _id: before?._id ?? newId('u'),
    branchId: actor.branchId,
    kind: input.kind,
    name: input.name,
    goal: input.goal,
    leaderId: input.leaderId,
    memberIds,
  };
  const memberChanges: MemberDoc[] = [];
  for (const m of org.members) {
    const has = m.unitIds.includes(after._id);
    const should = memberIds.includes(m._id);
    if (has !== should) memberChanges.push({ ...m, unitIds: should ? [...m.unitIds, after._id] : m.unitIds.filter((id) => id !== after._id) });
  }
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.units).doc(after._id).set(withoutId(after));
    for (const m of memberChanges) await putMember(t, m);
    await audit(t, actor, now, { action: 'org.saveUnit', targetType: 'unit', targetId: after._id, branchId: actor.branchId, before: before ?? null, after });
  });
  org.unitById.set(after._id, after);
  return unitView(after, org);
}

export async function saveDutyItem(input: ActionInput<'org.saveDutyItem'>, ctx: ActionContext): Promise<ActionOutput<'org.saveDutyItem'>> {
  const { db, member: actor, now } = asMember(ctx);
  const org = await loadBranchOrg(db, actor.branchId);
  const owner = requireMember(org, input.memberId, 'memberId');
  if (!owner.roles.includes('committeeMember') && !owner.roles.includes('secretary')) {
    throw new AppError('INVALID_INPUT', '权责清单只属于支部委员', { memberId: '该成员不是支部委员' });
  }
  const before = input.itemId ? await getInBranch(db, COLLECTIONS.dutyItems, input.itemId, dutyItemDoc, actor.branchId) : null;
  const after: DutyItemDoc = {
    _id: before?._id ?? newId('duty'),
    branchId: actor.branchId,
    memberId: owner._id,
    title: input.title,
    detail: input.detail,
    status: input.status,
    dueOn: input.dueOn,
    updatedAt: now,
  };
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.dutyItems).doc(after._id).set(withoutId(after));
    await audit(t, actor, now, { action: 'org.saveDutyItem', targetType: 'dutyItem', targetId: after._id, branchId: actor.branchId, before, after });
  });
  return dutyItemView(after, now);
}

export async function deleteDutyItem(input: ActionInput<'org.deleteDutyItem'>, ctx: ActionContext): Promise<ActionOutput<'org.deleteDutyItem'>> {
  const { db, member: actor, now } = asMember(ctx);
  const before = await getInBranch(db, COLLECTIONS.dutyItems, input.itemId, dutyItemDoc, actor.branchId);
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.dutyItems).doc(before._id).delete();
    await audit(t, actor, now, { action: 'org.deleteDutyItem', targetType: 'dutyItem', targetId: before._id, branchId: actor.branchId, before, after: null });
  });
  return { deleted: true };
}
