// Plain data from shared/ (no zod): safe to bundle.
export {
  MEMBER_CATEGORIES,
  UNIT_KINDS,
  DUTY_STATUSES,
  JOIN_STATUSES,
  UNIT_KIND_LABELS,
  CATEGORY_LABELS,
  DUTY_STATUS_LABELS,
  JOIN_STATUS_LABELS,
  EXEMPT_CATEGORIES,
  type MemberCategory,
  type UnitKind,
  type DutyStatus,
  type JoinStatus,
} from '../../../shared/domain/vocabulary';
export { BRANCH_ROLES, type BranchRole } from '../../../shared/domain/roles';
export { INVITATION_STATE_LABELS, INVITATION_STATE_MESSAGES, type InvitationState } from '../../../shared/domain/vocabulary';

/** Audit log action names as a secretary reads them. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'org.updateMember': '修改成员信息',
  'org.saveGroup': '保存党小组',
  'org.saveUnit': '保存岗区队',
  'org.saveDutyItem': '保存权责清单事项',
  'org.deleteDutyItem': '删除权责清单事项',
  'org.createInvitation': '生成入支部邀请',
  'org.revokeInvitation': '撤销入支部邀请',
  'org.decideJoin': '审核入支部申请',
  'org.bindMember': '绑定成员微信',
  'org.transferMember': '转移成员组织关系',
  // Written by the company's first set-up (scripts/cloud/bootstrap.ts), actor 系统初始化.
  'bootstrap.create': '系统初始化：创建',
  'bootstrap.grantRoles': '系统初始化：授予角色',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  committee: '党委',
  branch: '支部',
  member: '成员',
  group: '党小组',
  unit: '岗区队',
  dutyItem: '权责清单事项',
  invitation: '邀请',
  joinRequest: '入支部申请',
};
