/** Who am I, the branch pyramid, and member records. */
import type { ActionInput, ActionOutput, PyramidView } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { branchDoc, dutyItemDoc, groupDoc, unitDoc } from '../../../shared/domain/org';
import type { ActionContext } from '../../_shared/define';
import { asMember } from '../../_shared/define';
import { findAll, getById } from '../../_shared/repo';
import { loadBranchOrg } from '../branch';
import { dutyItemView, groupView, memberView, unitView } from '../views';

/** Opened on every visit to 首页 and 我的, so it reads only what it shows: ≤ 4 database reads. */
export async function me(_input: ActionInput<'org.me'>, ctx: ActionContext): Promise<ActionOutput<'org.me'>> {
  const { db, member } = asMember(ctx);
  const [branch, group, units] = await Promise.all([
    getById(db, COLLECTIONS.branches, member.branchId, branchDoc),
    member.groupId ? getById(db, COLLECTIONS.groups, member.groupId, groupDoc) : Promise.resolve(null),
    member.unitIds.length ? findAll(db, COLLECTIONS.units, { _id: db.command.in(member.unitIds) }, unitDoc) : Promise.resolve([]),
  ]);
  if (!branch) throw new AppError('NOT_FOUND', '所在支部不存在');
  return {
    memberId: member._id,
    name: member.name,
    branch: { id: branch._id, name: branch.name },
    group: group ? { id: group._id, name: group.name } : null,
    units: units.map((u) => ({ id: u._id, name: u.name, kind: u.kind })),
    roles: member.roles,
    duty: member.duty,
  };
}

/**
 * The caller's own WeChat identity, so a person not yet in any branch can send it to the
 * operator who sets up the first committee admin and secretaries (scripts/cloud/bootstrap.ts).
 * It answers from what the call path already read: no further database read, nothing written.
 */
export async function whoami(_input: ActionInput<'org.whoami'>, ctx: ActionContext): Promise<ActionOutput<'org.whoami'>> {
  return { openid: ctx.openid, bound: ctx.member !== null };
}

export async function pyramid(_input: ActionInput<'org.pyramid'>, ctx: ActionContext): Promise<PyramidView> {
  const { db, member, now } = asMember(ctx);
  const [org, items] = await Promise.all([
    loadBranchOrg(db, member.branchId),
    findAll(db, COLLECTIONS.dutyItems, { branchId: member.branchId }, dutyItemDoc),
  ]);
  // Secretary first, then the other committee members in seat order.
  const committee = org.members
    .filter((m) => m.roles.includes('committeeMember') || m.roles.includes('secretary'))
    .sort((a, b) => Number(b.roles.includes('secretary')) - Number(a.roles.includes('secretary')) || a._id.localeCompare(b._id));
  return {
    branch: { id: org.branch._id, name: org.branch.name },
    committee: committee.map((m) => ({
      member: { id: m._id, name: m.name },
      duty: m.duty,
      roles: m.roles,
      dutyItems: items
        .filter((item) => item.memberId === m._id)
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
        .map((item) => dutyItemView(item, now)),
    })),
    groups: org.groups.map((g) => groupView(g, org)),
    units: org.units.map((u) => unitView(u, org)),
  };
}

export async function member(input: ActionInput<'org.member'>, ctx: ActionContext): Promise<ActionOutput<'org.member'>> {
  const { db, member: viewer } = asMember(ctx);
  const org = await loadBranchOrg(db, viewer.branchId);
  const target = org.memberById.get(input.memberId);
  if (!target) throw new AppError('NOT_FOUND', '成员不存在');
  return memberView(target, org, viewer);
}

export async function members(input: ActionInput<'org.members'>, ctx: ActionContext): Promise<ActionOutput<'org.members'>> {
  const { db, member: viewer } = asMember(ctx);
  const org = await loadBranchOrg(db, viewer.branchId);
  const query = input.query?.toLowerCase();
  const list = org.members.filter(
    (m) =>
      (!query || m.name.toLowerCase().includes(query) || m.phone.includes(query)) &&
      (!input.groupId || m.groupId === input.groupId) &&
      (!input.category || m.category === input.category) &&
      (!input.role || m.roles.includes(input.role)),
  );
  return { members: list.map((m) => memberView(m, org, viewer)) };
}
