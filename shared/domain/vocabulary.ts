/**
 * The organisation's vocabulary as plain data (no zod), so the mini-program can bundle it:
 * kinds, categories, statuses and their Chinese labels.
 */
export const MEMBER_CATEGORIES = ['regular', 'elderly', 'ill', 'mobile'] as const;
export const UNIT_KINDS = ['post', 'zone', 'squad'] as const;
export const DUTY_STATUSES = ['todo', 'doing', 'done'] as const;
export const JOIN_STATUSES = ['pending', 'approved', 'rejected'] as const;

export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];
export type DutyStatus = (typeof DUTY_STATUSES)[number];
export type JoinStatus = (typeof JOIN_STATUSES)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  post: '党员先锋岗',
  zone: '党员责任区',
  squad: '党员突击队',
};

export const CATEGORY_LABELS: Record<MemberCategory, string> = {
  regular: '在职党员',
  elderly: '老党员',
  ill: '患病党员',
  mobile: '流动党员',
};

export const DUTY_STATUS_LABELS: Record<DutyStatus, string> = { todo: '未开始', doing: '进行中', done: '已完成' };
export const JOIN_STATUS_LABELS: Record<JoinStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

/** Elderly, ill and 流动 members are exempt from ranking by default (DESIGN §5). */
export const EXEMPT_CATEGORIES: ReadonlySet<MemberCategory> = new Set<MemberCategory>(['elderly', 'ill', 'mobile']);

export const INVITATION_STATES = ['valid', 'expired', 'usedUp', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
export const INVITATION_STATE_LABELS: Record<InvitationState, string> = { valid: '有效', expired: '已过期', usedUp: '名额已用完', revoked: '已撤销' };
/** Why an invitation can no longer be used, as the join page and the refusal say it. */
export const INVITATION_STATE_MESSAGES: Record<Exclude<InvitationState, 'valid'>, string> = {
  expired: '邀请已过期，请联系支部书记重新邀请',
  usedUp: '邀请名额已用完，请联系支部书记',
  revoked: '邀请已被撤销，请联系支部书记',
};
