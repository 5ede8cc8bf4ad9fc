/**
 * The demo company: one Party committee, two branches (网络运维 with 32 members and 市场经营
 * with 12), their committees, Party groups and 岗区队 units. Every member is bound to a
 * demo WeChat identity `o_demo_<memberId>` so the dev sign-in can pick them.
 */
import { COLLECTIONS } from '../../shared/db/collections';
import type { BranchDoc, CommitteeDoc, GroupDoc, MemberDoc, UnitDoc } from '../../shared/domain/org';
import type { Role } from '../../shared/domain/roles';
import { chineseName, phoneNumber } from './names';

export type SeedData = Record<string, Record<string, unknown>[]>;

interface BranchPlan {
  id: string;
  name: string;
  size: number;
  groups: string[];
  units: Array<{ kind: UnitDoc['kind']; name: string; goal: string }>;
  duties: string[];
}

const COMMITTEE: CommitteeDoc = { _id: 'c-tongxin', name: '同心通信公司党委' };

const PLANS: BranchPlan[] = [
  {
    id: 'b-netops',
    name: '网络运维党支部',
    size: 32,
    groups: ['第一党小组（传输）', '第二党小组（无线）', '第三党小组（政企）'],
    units: [
      { kind: 'post', name: '党员先锋岗·核心机房', goal: '核心网零重大故障' },
      { kind: 'zone', name: '党员责任区·高铁沿线', goal: '高铁沿线信号覆盖率 99%' },
      { kind: 'squad', name: '党员突击队·5G 攻坚', goal: '年内新开 5G 基站 120 个' },
    ],
    duties: ['支部书记', '组织委员', '宣传委员', '纪检委员', '青年委员'],
  },
  {
    id: 'b-market',
    name: '市场经营党支部',
    size: 12,
    groups: ['第一党小组（渠道）', '第二党小组（家庭业务）'],
    units: [
      { kind: 'squad', name: '排头兵突击队·渠道销售', goal: '季度新增宽带 3000 户' },
      { kind: 'zone', name: '党员责任区·高价值小区', goal: '高价值小区渗透率提升 10%' },
    ],
    duties: ['支部书记', '组织委员', '宣传委员'],
  },
];

export function demoOpenid(memberId: string): string {
  return `o_demo_${memberId}`;
}

export function demoData(): SeedData {
  const branches: BranchDoc[] = [];
  const groups: GroupDoc[] = [];
  const units: UnitDoc[] = [];
  const members: MemberDoc[] = [];
  let nameIndex = 0;

  for (const plan of PLANS) {
    branches.push({ _id: plan.id, committeeId: COMMITTEE._id, name: plan.name });
    const groupIds = plan.groups.map((name, g) => {
      const id = `${plan.id}-g${g + 1}`;
      groups.push({ _id: id, branchId: plan.id, name, leaderId: null, liaisonId: null });
      return id;
    });
    const branchMembers: MemberDoc[] = [];
    for (let m = 0; m < plan.size; m++) {
      const id = `${plan.id}-m${String(m + 1).padStart(2, '0')}`;
      const roles: Role[] = ['member'];
      const duty = m < plan.duties.length ? plan.duties[m] : null;
      if (m === 0) roles.push('secretary');
      if (duty) roles.push('committeeMember');
      // Members past the committee share the groups in turn; the committee sits in groups too.
      const groupId = groupIds[m % groupIds.length];
      const category: MemberDoc['category'] = m === plan.size - 1 ? 'elderly' : m === plan.size - 2 ? 'mobile' : 'regular';
      const joinYear = 1990 + ((m * 7 + nameIndex) % 34);
      branchMembers.push({
        _id: id,
        committeeId: COMMITTEE._id,
        branchId: plan.id,
        name: chineseName(nameIndex++),
        phone: phoneNumber(nameIndex),
        joinedOn: `${joinYear}-0${1 + (m % 9)}-1${m % 10}`,
        category,
        groupId,
        unitIds: [],
        roles,
        duty,
        openid: demoOpenid(id),
      });
    }
    // Liaisons: the committee members other than the secretary look after the groups in turn.
    const liaisons = branchMembers.filter((m) => m.roles.includes('committeeMember') && !m.roles.includes('secretary'));
    groups.filter((g) => g.branchId === plan.id).forEach((group, g) => {
      group.liaisonId = liaisons.length ? liaisons[g % liaisons.length]._id : null;
    });
    // Group leaders: the first non-committee member of each group.
    for (const group of groups.filter((g) => g.branchId === plan.id)) {
      const leader = branchMembers.find((m) => m.groupId === group._id && !m.roles.includes('committeeMember'));
      if (leader) {
        group.leaderId = leader._id;
        leader.roles.push('groupLeader');
      }
    }
    plan.units.forEach((unit, u) => {
      const id = `${plan.id}-u${u + 1}`;
      const unitMembers = branchMembers.filter((_, m) => m % plan.units.length === u).slice(0, 8);
      for (const member of unitMembers) member.unitIds.push(id);
      units.push({ _id: id, branchId: plan.id, kind: unit.kind, name: unit.name, goal: unit.goal, leaderId: unitMembers[0]?._id ?? null, memberIds: unitMembers.map((m) => m._id) });
    });
    members.push(...branchMembers);
  }
  // The company committee's admin sits in the market branch as an ordinary member.
  const admin = members.find((m) => m.branchId === 'b-market' && !m.roles.includes('committeeMember') && !m.roles.includes('groupLeader'));
  if (admin) admin.roles.push('committeeAdmin');

  return {
    [COLLECTIONS.committees]: [COMMITTEE],
    [COLLECTIONS.branches]: branches,
    [COLLECTIONS.groups]: groups,
    [COLLECTIONS.units]: units,
    [COLLECTIONS.members]: members,
    [COLLECTIONS.auditLog]: [],
  };
}
