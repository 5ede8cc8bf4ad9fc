/**
 * The policy table (DESIGN §4): for every action, which callers may use it and on whose
 * data. The function runtime checks `callers` for every call in one place; `scope` says
 * how the handler scopes its reads and writes (always from the caller's record in the
 * database, never from input), and the authority tests are generated from this table.
 */
import type { Role } from '../domain/roles';
import type { ActionName } from './contract';

/** `unbound`: a WeChat identity not (yet) bound to a member. */
export type Caller = Role | 'unbound';

export type Scope =
  /** The caller's own record. */
  | 'self'
  /** Records of the caller's own Party group; other ids answer NOT_FOUND. */
  | 'ownGroup'
  /** Records of the caller's branch; another branch's ids answer NOT_FOUND. */
  | 'ownBranch'
  /** Records of every branch of the caller's company committee. */
  | 'committee'
  /** Reached through an invitation code, before membership. */
  | 'invitation'
  /** Reached through a shared link (a lesson's QR in a WeChat group): any branch of the company, and people not yet members. */
  | 'link';

export interface Policy {
  callers: readonly Caller[];
  scope: Scope;
  /** Writes by secretaries and admins go to the audit log. */
  audited?: boolean;
}

export const MEMBERS: readonly Caller[] = ['member', 'groupLeader', 'committeeMember', 'secretary', 'committeeAdmin'];
const SECRETARY: readonly Caller[] = ['secretary'];
const ADMIN: readonly Caller[] = ['committeeAdmin'];
/** The branch committee: committee members and the secretary. */
const COMMITTEE: readonly Caller[] = ['committeeMember', 'secretary'];

export const POLICY = {
  'org.me': { callers: MEMBERS, scope: 'self' },
  // Anyone signed in to WeChat, bound or not: the caller's own identity, nothing written.
  'org.whoami': { callers: [...MEMBERS, 'unbound'], scope: 'self' },
  'org.pyramid': { callers: MEMBERS, scope: 'ownBranch' },
  'org.members': { callers: SECRETARY, scope: 'ownBranch' },
  'org.member': { callers: MEMBERS, scope: 'ownBranch' },
  'org.updateMember': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.saveGroup': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.saveUnit': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.saveDutyItem': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.deleteDutyItem': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.createInvitation': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.invitations': { callers: SECRETARY, scope: 'ownBranch' },
  'org.revokeInvitation': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.invitationInfo': { callers: [...MEMBERS, 'unbound'], scope: 'invitation' },
  'org.requestJoin': { callers: ['unbound'], scope: 'invitation' },
  'org.myJoinRequest': { callers: ['unbound', ...MEMBERS], scope: 'self' },
  'org.joinRequests': { callers: SECRETARY, scope: 'ownBranch' },
  'org.decideJoin': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'org.transferMember': { callers: ADMIN, scope: 'committee', audited: true },
  'org.branches': { callers: ADMIN, scope: 'committee' },
  'org.branchMembers': { callers: ADMIN, scope: 'committee' },
  'org.auditLog': { callers: [...SECRETARY, ...ADMIN], scope: 'ownBranch' },
  'points.myLedger': { callers: MEMBERS, scope: 'self' },
  'points.memberLedger': { callers: SECRETARY, scope: 'ownBranch' },
  'points.ranking': { callers: MEMBERS, scope: 'ownBranch' },
  'points.adjust': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'points.reverse': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'points.rules': { callers: MEMBERS, scope: 'committee' },
  'points.saveRule': { callers: ADMIN, scope: 'committee', audited: true },
  'points.compareBranches': { callers: ADMIN, scope: 'committee' },
  'quarter.status': { callers: MEMBERS, scope: 'ownBranch' },
  'quarter.openAppraisal': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'quarter.ballot': { callers: MEMBERS, scope: 'ownBranch' },
  'quarter.castBallot': { callers: MEMBERS, scope: 'ownBranch' },
  'quarter.closeAppraisal': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'quarter.close': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'quarter.publish': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'quarter.result': { callers: MEMBERS, scope: 'ownBranch' },
  'rectification.candidates': { callers: SECRETARY, scope: 'ownBranch' },
  'rectification.issue': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'rectification.list': { callers: SECRETARY, scope: 'ownBranch' },
  'rectification.mine': { callers: MEMBERS, scope: 'self' },
  'rectification.answer': { callers: MEMBERS, scope: 'self' },
  'rectification.review': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'bulletin.export': { callers: SECRETARY, scope: 'ownBranch' },
  'honour.nominate': { callers: ['groupLeader'], scope: 'ownGroup' },
  'honour.nominations': { callers: SECRETARY, scope: 'ownBranch' },
  'honour.confirm': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'honour.wall': { callers: MEMBERS, scope: 'ownBranch' },
  'plan.items': { callers: MEMBERS, scope: 'ownBranch' },
  'plan.saveItem': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'award.year': { callers: SECRETARY, scope: 'ownBranch' },
  'award.confirm': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'award.list': { callers: MEMBERS, scope: 'ownBranch' },
  // lesson.create: members reach it; the handler also requires the committee or the secretary's permission (lesson.setRecorder).
  'lesson.create': { callers: MEMBERS, scope: 'ownBranch' },
  'lesson.list': { callers: MEMBERS, scope: 'ownBranch' },
  'lesson.view': { callers: [...MEMBERS, 'unbound'], scope: 'link' },
  'lesson.progress': { callers: MEMBERS, scope: 'link' },
  'lesson.publish': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'lesson.poster': { callers: MEMBERS, scope: 'ownBranch' },
  'lesson.completion': { callers: SECRETARY, scope: 'ownBranch' },
  'lesson.setRecorder': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'studyPush.send': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'studyPush.mine': { callers: MEMBERS, scope: 'self' },
  'studyPush.view': { callers: MEMBERS, scope: 'ownBranch' },
  'studyPush.read': { callers: MEMBERS, scope: 'ownBranch' },
  'studyPush.list': { callers: SECRETARY, scope: 'ownBranch' },
  'studyPush.readers': { callers: SECRETARY, scope: 'ownBranch' },
  'studyPush.subscribe': { callers: MEMBERS, scope: 'self' },
  'note.submit': { callers: MEMBERS, scope: 'self' },
  'note.feed': { callers: MEMBERS, scope: 'ownBranch' },
  'note.mine': { callers: MEMBERS, scope: 'self' },
  'note.get': { callers: MEMBERS, scope: 'ownBranch' },
  'note.like': { callers: MEMBERS, scope: 'ownBranch' },
  'note.comment': { callers: MEMBERS, scope: 'ownBranch' },
  'note.feature': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'meeting.schedule': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'meeting.list': { callers: MEMBERS, scope: 'ownBranch' },
  'meeting.get': { callers: MEMBERS, scope: 'ownBranch' },
  'meeting.signInCode': { callers: SECRETARY, scope: 'ownBranch' },
  'meeting.signIn': { callers: MEMBERS, scope: 'ownBranch' },
  'meeting.markAttendance': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'meeting.saveMinutes': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'meeting.quarterReport': { callers: SECRETARY, scope: 'ownBranch' },
  'badgeCheckin.submit': { callers: MEMBERS, scope: 'self' },
  'badgeCheckin.mine': { callers: MEMBERS, scope: 'self' },
  'badgeCheckin.wall': { callers: MEMBERS, scope: 'ownBranch' },
  'badgeCheckin.rates': { callers: SECRETARY, scope: 'ownBranch' },
  'pledge.mine': { callers: MEMBERS, scope: 'self' },
  'pledge.save': { callers: MEMBERS, scope: 'self' },
  'pledge.sign': { callers: MEMBERS, scope: 'self' },
  'pledge.board': { callers: MEMBERS, scope: 'ownBranch' },
  'pledge.get': { callers: MEMBERS, scope: 'ownBranch' },
  'pledge.addFulfilment': { callers: MEMBERS, scope: 'self' },
  // The handler also requires the reviewer to be the committee member of the member's duty area.
  'pledge.review': { callers: ['committeeMember', 'secretary'], scope: 'ownBranch' },
  'pledge.reviewQueue': { callers: ['committeeMember', 'secretary'], scope: 'ownBranch' },
  'pledge.status': { callers: SECRETARY, scope: 'ownBranch' },
  'activity.create': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'activity.list': { callers: MEMBERS, scope: 'ownBranch' },
  'activity.get': { callers: MEMBERS, scope: 'ownBranch' },
  'activity.signUp': { callers: MEMBERS, scope: 'ownBranch' },
  'activity.signInCode': { callers: SECRETARY, scope: 'ownBranch' },
  'activity.signIn': { callers: MEMBERS, scope: 'ownBranch' },
  'activity.saveSummary': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'task.publish': { callers: COMMITTEE, scope: 'ownBranch' },
  'task.mine': { callers: MEMBERS, scope: 'self' },
  'task.get': { callers: MEMBERS, scope: 'ownBranch' },
  // task.complete: the handler also requires the caller to be one of the task's targets.
  'task.complete': { callers: MEMBERS, scope: 'ownBranch' },
  'task.list': { callers: COMMITTEE, scope: 'ownBranch' },
  'task.board': { callers: COMMITTEE, scope: 'ownBranch' },
  'task.remind': { callers: COMMITTEE, scope: 'ownBranch' },
  'project.proposeLead': { callers: SECRETARY, scope: 'ownBranch' },
  'project.create': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'project.list': { callers: MEMBERS, scope: 'ownBranch' },
  'project.get': { callers: MEMBERS, scope: 'ownBranch' },
  'project.setStatus': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  // The handler also requires the milestone's owner, the project's lead or the secretary.
  'project.completeMilestone': { callers: MEMBERS, scope: 'ownBranch' },
  'project.addUpdate': { callers: MEMBERS, scope: 'ownBranch' },
  'project.overview': { callers: ADMIN, scope: 'committee' },
  'volunteer.create': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'volunteer.list': { callers: MEMBERS, scope: 'ownBranch' },
  'volunteer.claim': { callers: MEMBERS, scope: 'ownBranch' },
  // The handler also requires the activity's organiser.
  'volunteer.confirm': { callers: MEMBERS, scope: 'ownBranch' },
  'volunteer.hours': { callers: MEMBERS, scope: 'ownBranch' },
  'target.save': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'target.list': { callers: MEMBERS, scope: 'ownBranch' },
  // The handler also requires the unit's leader or the secretary.
  'target.addProgress': { callers: MEMBERS, scope: 'ownBranch' },
  'cobuild.save': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'cobuild.list': { callers: MEMBERS, scope: 'ownBranch' },
  'cobuild.addActivity': { callers: SECRETARY, scope: 'ownBranch', audited: true },
  'cobuild.overview': { callers: ADMIN, scope: 'committee' },
  'dashboard.quarter': { callers: SECRETARY, scope: 'ownBranch' },
} as const satisfies Record<ActionName, Policy>;

export function policyOf(action: ActionName): Policy {
  return POLICY[action];
}

/** Whether a caller with these roles (none = unbound) may call the action. */
export function mayCall(action: ActionName, roles: readonly Role[] | null): boolean {
  const { callers } = POLICY[action];
  if (!roles) return (callers as readonly Caller[]).includes('unbound');
  return roles.some((role) => (callers as readonly Caller[]).includes(role));
}
