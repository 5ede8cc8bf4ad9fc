/** Roles are per branch (DESIGN §4); committeeAdmin belongs to the company committee. */
export const ROLES = ['member', 'groupLeader', 'committeeMember', 'secretary', 'committeeAdmin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a secretary may give within the branch (committeeAdmin is the company committee's). */
export const BRANCH_ROLES = ['member', 'groupLeader', 'committeeMember', 'secretary'] as const satisfies readonly Role[];
export type BranchRole = (typeof BRANCH_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  groupLeader: '党小组长',
  committeeMember: '支部委员',
  secretary: '支部书记',
  committeeAdmin: '党委管理员',
};
