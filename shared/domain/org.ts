/** The organisation model (3 teams): committee → branches → groups, units and members. */
import { z } from 'zod';
import { ROLES } from './roles';

import { DUTY_STATUSES, JOIN_STATUSES, MEMBER_CATEGORIES, UNIT_KINDS } from './vocabulary';

export { DUTY_STATUSES, JOIN_STATUSES, MEMBER_CATEGORIES, UNIT_KINDS };

export const committeeDoc = z.object({ _id: z.string(), name: z.string() });
export const branchDoc = z.object({ _id: z.string(), committeeId: z.string(), name: z.string() });
export const groupDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  name: z.string(),
  leaderId: z.string().nullable(),
  /** The committee member who looks after the group (联系委员): the group is in their duty area. */
  liaisonId: z.string().nullable().default(null),
});
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
