import Taro from '@tarojs/taro';

/** Page paths, in one place (subpackages cannot import each other's pages). */
export const ROUTES = {
  mine: '/pages/mine/index',
  join: '/pages/join/index',
  pyramid: '/subpackages/branch/pages/pyramid/index',
  member: '/subpackages/branch/pages/member/index',
  secretary: '/subpackages/secretary/pages/index/index',
  members: '/subpackages/secretary/pages/members/index',
  memberEdit: '/subpackages/secretary/pages/member-edit/index',
  joinRequests: '/subpackages/secretary/pages/join-requests/index',
  invitations: '/subpackages/secretary/pages/invitations/index',
  structure: '/subpackages/secretary/pages/structure/index',
  secretaryAudit: '/subpackages/secretary/pages/audit/index',
  branches: '/subpackages/committee/pages/branches/index',
  branch: '/subpackages/committee/pages/branch/index',
  committeeAudit: '/subpackages/committee/pages/audit/index',
  committeeRules: '/subpackages/committee/pages/rules/index',
  memberPoints: '/subpackages/secretary/pages/member-points/index',
  ranking: '/subpackages/points/pages/ranking/index',
  pointsRules: '/subpackages/points/pages/rules/index',
  myRectification: '/subpackages/points/pages/rectification/index',
  appraisal: '/subpackages/points/pages/appraisal/index',
  quarterResult: '/subpackages/points/pages/result/index',
  quarter: '/subpackages/secretary/pages/quarter/index',
  rectificationIssue: '/subpackages/secretary/pages/rectification-issue/index',
  rectifications: '/subpackages/secretary/pages/rectifications/index',
  honourWall: '/subpackages/branch/pages/honour/index',
  nominate: '/subpackages/branch/pages/nominate/index',
  planWall: '/subpackages/branch/pages/plan/index',
  honourConfirm: '/subpackages/secretary/pages/honour/index',
  planEdit: '/subpackages/secretary/pages/plan/index',
  awards: '/subpackages/secretary/pages/awards/index',
  compare: '/subpackages/committee/pages/compare/index',
} as const;

export function go(url: string): void {
  void Taro.navigateTo({ url });
}
