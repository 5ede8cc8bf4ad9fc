/** The organisation model (3 teams): committee → branches → groups, units and members. */
import { z } from 'zod';
import { ROLES } from './roles';

export const MEMBER_CATEGORIES = ['regular', 'elderly', 'ill', 'mobile'] as const;
export const UNIT_KINDS = ['post', 'zone', 'squad'] as const;

export const committeeDoc = z.object({ _id: z.string(), name: z.string() });
export const branchDoc = z.object({ _id: z.string(), committeeId: z.string(), name: z.string() });
export const groupDoc = z.object({ _id: z.string(), branchId: z.string(), name: z.string(), leaderId: z.string().nullable() });
export const unitDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  goal: z.string(),
  leaderId: z.string().nullable(),
  memberIds: z.array(z.string()),
});
export const memberDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  joinedOn: z.string(),
  category: z.enum(MEMBER_CATEGORIES),
  groupId: z.string().nullable(),
  unitIds: z.array(z.string()),
  roles: z.array(z.enum(ROLES)),
  /** Duty area for committee members, e.g. '组织委员'. */
  duty: z.string().nullable(),
  /** The bound WeChat identity; null until a join request is approved. */
  openid: z.string().nullable(),
});

export type CommitteeDoc = z.infer<typeof committeeDoc>;
export type BranchDoc = z.infer<typeof branchDoc>;
export type GroupDoc = z.infer<typeof groupDoc>;
export type UnitDoc = z.infer<typeof unitDoc>;
export type MemberDoc = z.infer<typeof memberDoc>;

export const DUTY_STATUSES = ['todo', 'doing', 'done'] as const;
export const JOIN_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** One item of a committee member's responsibility list (权责清单). */
export const dutyItemDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  title: z.string(),
  detail: z.string(),
  status: z.enum(DUTY_STATUSES),
  dueOn: z.string().nullable(),
  updatedAt: z.date(),
});

/** An invitation to join a branch; `_id` is the code, also the mini-program code's scene. */
export const invitationDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  groupId: z.string().nullable(),
  expiresAt: z.date(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  revoked: z.boolean(),
  createdBy: z.string(),
  createdAt: z.date(),
  /** The poster's QR image in storage. */
  qrFileId: z.string().nullable(),
});

export const joinRequestDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  groupId: z.string().nullable(),
  code: z.string(),
  openid: z.string(),
  name: z.string(),
  phone: z.string(),
  status: z.enum(JOIN_STATUSES),
  createdAt: z.date(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  reason: z.string().nullable(),
  memberId: z.string().nullable(),
});

/** Append-only record of a write by a secretary or admin. */
export const auditEntryDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string().nullable(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.date(),
});

export type DutyItemDoc = z.infer<typeof dutyItemDoc>;
export type InvitationDoc = z.infer<typeof invitationDoc>;
export type JoinRequestDoc = z.infer<typeof joinRequestDoc>;
export type AuditEntryDoc = z.infer<typeof auditEntryDoc>;

export const UNIT_KIND_LABELS: Record<(typeof UNIT_KINDS)[number], string> = {
  post: '党员先锋岗',
  zone: '党员责任区',
  squad: '党员突击队',
};

export const CATEGORY_LABELS: Record<(typeof MEMBER_CATEGORIES)[number], string> = {
  regular: '在职党员',
  elderly: '老党员',
  ill: '患病党员',
  mobile: '流动党员',
};

/** Elderly, ill and 流动 members are exempt from ranking by default (DESIGN §5). */
export const EXEMPT_CATEGORIES: ReadonlySet<string> = new Set(['elderly', 'ill', 'mobile']);
