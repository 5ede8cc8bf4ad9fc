/** Turns documents into what a phone may see; phone numbers are masked unless the viewer may see them. */
import type { DutyItemView, GroupView, MemberView, UnitView } from '../../shared/api/contract';
import type { DutyItemDoc, GroupDoc, MemberDoc, UnitDoc } from '../../shared/domain/org';
import { maskPhone } from '../../shared/domain/text';
import { chinaDay } from '../../shared/time/china';
import type { BranchOrg } from './branch';

/** Only the branch's secretary and the member themselves see a full phone number (DESIGN §4). */
export function maySeePhone(viewer: MemberDoc, member: MemberDoc): boolean {
  return viewer._id === member._id || maySeePhonesOf(viewer, member.branchId);
}

/** The phones of a branch's records (audit entries, join requests): its secretary only. */
export function maySeePhonesOf(viewer: MemberDoc, branchId: string | null): boolean {
  return branchId !== null && viewer.roles.includes('secretary') && viewer.branchId === branchId;
}

export function memberView(member: MemberDoc, org: BranchOrg, viewer: MemberDoc): MemberView {
  const group = member.groupId ? org.groupById.get(member.groupId) : undefined;
  return {
    id: member._id,
    name: member.name,
    phone: maySeePhone(viewer, member) ? member.phone : maskPhone(member.phone),
    joinedOn: member.joinedOn,
    category: member.category,
    group: group ? { id: group._id, name: group.name } : null,
    units: member.unitIds.flatMap((id) => {
      const unit = org.unitById.get(id);
      return unit ? [{ id: unit._id, name: unit.name, kind: unit.kind }] : [];
    }),
    roles: member.roles,
    duty: member.duty,
    bound: Boolean(member.openid),
  };
}

function personRef(org: BranchOrg, id: string | null) {
  const member = id ? org.memberById.get(id) : undefined;
  return member ? { id: member._id, name: member.name } : null;
}

export function groupView(group: GroupDoc, org: BranchOrg): GroupView {
  return {
    id: group._id,
    name: group.name,
    leader: personRef(org, group.leaderId),
    liaison: personRef(org, group.liaisonId),
    members: org.members.filter((m) => m.groupId === group._id).map((m) => ({ id: m._id, name: m.name })),
  };
}

export function unitView(unit: UnitDoc, org: BranchOrg): UnitView {
  return {
    id: unit._id,
    kind: unit.kind,
    name: unit.name,
    goal: unit.goal,
    leader: personRef(org, unit.leaderId),
    members: unit.memberIds.flatMap((id) => {
      const ref = personRef(org, id);
      return ref ? [ref] : [];
    }),
  };
}

export function dutyItemView(item: DutyItemDoc, now: Date): DutyItemView {
  return {
    id: item._id,
    memberId: item.memberId,
    title: item.title,
    detail: item.detail,
    status: item.status,
    dueOn: item.dueOn,
    overdue: item.status !== 'done' && item.dueOn !== null && item.dueOn < chinaDay(now),
  };
}
