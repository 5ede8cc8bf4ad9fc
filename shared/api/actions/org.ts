/** Actions of the `org` function: the 3 teams — organisation, membership, joining, roles. */
import { z } from 'zod';
import { BRANCH_ROLES, ROLES } from '../../domain/roles';
import { DUTY_STATUSES, JOIN_STATUSES, MEMBER_CATEGORIES, UNIT_KINDS } from '../../domain/org';
import { calendarDay, mobilePhone, personName, plainText, recordId } from '../../domain/text';
import { action } from '../action';

const ref = z.object({ id: z.string(), name: z.string() });
const iso = z.string(); // instants travel as ISO 8601 strings


export const memberView = z.object({
  id: z.string(),
  name: z.string(),
  /** Masked (138****5678) except for the secretary and the member themselves. */
  phone: z.string(),
  joinedOn: z.string(),
  category: z.enum(MEMBER_CATEGORIES),
  group: ref.nullable(),
  units: z.array(ref.extend({ kind: z.enum(UNIT_KINDS) })),
  roles: z.array(z.enum(ROLES)),
  duty: z.string().nullable(),
  /** Whether a WeChat identity is bound (the member has joined through an invitation). */
  bound: z.boolean(),
});
export type MemberView = z.infer<typeof memberView>;

export const dutyItemView = z.object({
  id: z.string(),
  memberId: z.string(),
  title: z.string(),
  detail: z.string(),
  status: z.enum(DUTY_STATUSES),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type DutyItemView = z.infer<typeof dutyItemView>;

const personRef = ref;

export const groupView = z.object({ id: z.string(), name: z.string(), leader: personRef.nullable(), liaison: personRef.nullable(), members: z.array(personRef) });
export const unitView = z.object({
  id: z.string(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  goal: z.string(),
  leader: personRef.nullable(),
  members: z.array(personRef),
});
export type GroupView = z.infer<typeof groupView>;
export type UnitView = z.infer<typeof unitView>;

export const pyramidView = z.object({
  branch: ref,
  committee: z.array(
    z.object({ member: personRef, duty: z.string().nullable(), roles: z.array(z.enum(ROLES)), dutyItems: z.array(dutyItemView) }),
  ),
  groups: z.array(groupView),
  units: z.array(unitView),
});
export type PyramidView = z.infer<typeof pyramidView>;

export const invitationView = z.object({
  code: z.string(),
  branchName: z.string(),
  group: ref.nullable(),
  expiresAt: iso,
  maxUses: z.number().int(),
  uses: z.number().int(),
  revoked: z.boolean(),
  /** 'valid' | why it can no longer be used. */
  state: z.enum(['valid', 'expired', 'usedUp', 'revoked']),
  /** The page a scan opens, with the code as the scene. */
  path: z.string(),
  /** A temporary URL of the QR image (mini-program code in production). */
  qrUrl: z.string().nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const joinRequestView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  branchName: z.string(),
  group: ref.nullable(),
  status: z.enum(JOIN_STATUSES),
  createdAt: iso,
  reason: z.string().nullable(),
});
export type JoinRequestView = z.infer<typeof joinRequestView>;

export const auditEntryView = z.object({
  id: z.string(),
  branch: ref.nullable(),
  actor: personRef,
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: iso,
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const meOutput = z.object({
  memberId: z.string(),
  name: z.string(),
  branch: ref,
  group: ref.nullable(),
  units: z.array(ref.extend({ kind: z.enum(UNIT_KINDS) })),
  roles: z.array(z.enum(ROLES)),
  duty: z.string().nullable(),
});
export type Me = z.infer<typeof meOutput>;

const invitationCode = z.string().trim().regex(/^[A-Za-z0-9]{6,16}$/, '邀请码格式不正确');

export const orgActions = {
  'org.me': action({
    summary: "The signed-in person's name, branch, group, units and roles.",
    input: z.object({}).strict(),
    output: meOutput,
  }),
  'org.whoami': action({
    summary: "The caller's own WeChat identity (openid) and whether it is bound to a member: what a person sends the operator who sets up the first committee admin and secretaries.",
    input: z.object({}).strict(),
    output: z.object({ openid: z.string(), bound: z.boolean() }),
  }),
  'org.pyramid': action({
    summary: '支部力量金字塔: committee with duty lists, then groups, then units, each with members.',
    input: z.object({}).strict(),
    output: pyramidView,
  }),
  'org.members': action({
    summary: "The branch's members with search and filters.",
    input: z
      .object({
        query: plainText(20).optional(),
        groupId: recordId.optional(),
        category: z.enum(MEMBER_CATEGORIES).optional(),
        role: z.enum(ROLES).optional(),
      })
      .strict(),
    output: z.object({ members: z.array(memberView) }),
  }),
  'org.member': action({
    summary: 'One member of the branch.',
    input: z.object({ memberId: recordId }).strict(),
    output: memberView,
  }),
  'org.updateMember': action({
    summary: "Set a member's group, units, roles, category or duty area.",
    input: z
      .object({
        memberId: recordId,
        groupId: recordId.nullable().optional(),
        unitIds: z.array(recordId).max(10).optional(),
        roles: z.array(z.enum(BRANCH_ROLES)).min(1).max(4).optional(),
        category: z.enum(MEMBER_CATEGORIES).optional(),
        duty: plainText(20).nullable().optional(),
      })
      .strict(),
    output: memberView,
  }),
  'org.saveGroup': action({
    summary: 'Create or edit a Party group (name, leader, and the committee member who looks after it; omitted: unchanged).',
    input: z.object({ groupId: recordId.optional(), name: plainText(30), leaderId: recordId.nullable(), liaisonId: recordId.nullable().optional() }).strict(),
    output: groupView,
  }),
  'org.saveUnit': action({
    summary: 'Create or edit a 岗区队 unit (kind, name, goal, leader, members).',
    input: z
      .object({
        unitId: recordId.optional(),
        kind: z.enum(UNIT_KINDS),
        name: plainText(30),
        goal: plainText(100),
        leaderId: recordId.nullable(),
        memberIds: z.array(recordId).max(60),
      })
      .strict(),
    output: unitView,
  }),
  'org.saveDutyItem': action({
    summary: "Create or edit an item of a committee member's responsibility list.",
    input: z
      .object({
        itemId: recordId.optional(),
        memberId: recordId,
        title: plainText(40),
        detail: plainText(500, { min: 0, multiline: true }),
        status: z.enum(DUTY_STATUSES),
        dueOn: calendarDay.nullable(),
      })
      .strict(),
    output: dutyItemView,
  }),
  'org.deleteDutyItem': action({
    summary: 'Remove an item of a responsibility list.',
    input: z.object({ itemId: recordId }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'org.createInvitation': action({
    summary: 'A new invitation (code + QR to the join page), optionally presetting a group.',
    input: z
      .object({
        groupId: recordId.nullable(),
        expiresInDays: z.number().int().min(1).max(30),
        maxUses: z.number().int().min(1).max(100),
      })
      .strict(),
    output: invitationView,
  }),
  'org.invitations': action({
    summary: "The branch's invitations, newest first.",
    input: z.object({}).strict(),
    output: z.object({ invitations: z.array(invitationView) }),
  }),
  'org.revokeInvitation': action({
    summary: 'Stop an invitation from being used.',
    input: z.object({ code: invitationCode }).strict(),
    output: invitationView,
  }),
  'org.invitationInfo': action({
    summary: 'What a scanned invitation is for, shown before joining (anyone may ask).',
    input: z.object({ code: invitationCode }).strict(),
    output: z.object({
      code: z.string(),
      branchName: z.string(),
      groupName: z.string().nullable(),
      state: z.enum(['valid', 'expired', 'usedUp', 'revoked']),
    }),
  }),
  'org.requestJoin': action({
    summary: 'A WeChat user who is not a member asks to join through an invitation.',
    input: z.object({ code: invitationCode, name: personName, phone: mobilePhone }).strict(),
    output: joinRequestView,
  }),
  'org.myJoinRequest': action({
    summary: "The caller's latest join request, if any.",
    input: z.object({}).strict(),
    output: z.object({ request: joinRequestView.nullable() }),
  }),
  'org.joinRequests': action({
    summary: "The branch's join requests (pending first).",
    input: z.object({ status: z.enum(JOIN_STATUSES).optional() }).strict(),
    output: z.object({ requests: z.array(joinRequestView) }),
  }),
  'org.decideJoin': action({
    summary: 'Approve (binding the WeChat identity to a new member) or reject a join request.',
    input: z
      .object({
        requestId: recordId,
        approve: z.boolean(),
        reason: plainText(100).optional(),
        /** Bind to an existing member of the roster (not yet bound) instead of creating one. */
        bindTo: recordId.optional(),
      })
      .strict(),
    output: z.object({ request: joinRequestView, memberId: z.string().nullable() }),
  }),
  'org.transferMember': action({
    summary: 'Move a member to another branch of the committee, keeping their history.',
    input: z.object({ memberId: recordId, toBranchId: recordId, reason: plainText(100) }).strict(),
    output: memberView,
  }),
  'org.branches': action({
    summary: 'All branches of the committee with member counts and committee composition.',
    input: z.object({}).strict(),
    output: z.object({
      branches: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          memberCount: z.number().int(),
          groupCount: z.number().int(),
          secretary: z.string().nullable(),
          committee: z.array(z.object({ name: z.string(), duty: z.string().nullable() })),
        }),
      ),
    }),
  }),
  'org.branchMembers': action({
    summary: "Any branch's members, for the committee admin (to transfer one); phones masked.",
    input: z.object({ branchId: recordId }).strict(),
    output: z.object({ members: z.array(memberView) }),
  }),
  'org.auditLog': action({
    summary: 'The audit log: the branch for a secretary, every branch for the committee admin.',
    input: z.object({ before: iso.optional(), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.object({ entries: z.array(auditEntryView), next: z.string().nullable() }),
  }),
} as const;
