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
