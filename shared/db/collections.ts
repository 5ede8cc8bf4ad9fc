/**
 * Collections and their indexes: the one source of truth for the emulator (which pushes
 * filters on these down to SQLite) and for the production set-up script (which creates
 * them in CloudBase). A query on a large collection that no index serves is reported.
 */
export interface IndexField {
  field: string; // dotted path, e.g. "branchId" or "period.quarter"
  direction: 1 | -1;
}

export interface IndexDeclaration {
  collection: string;
  name: string;
  fields: readonly IndexField[];
  unique?: boolean;
}

export const COLLECTIONS = {
  committees: 'committees',
  branches: 'branches',
  groups: 'groups',
  units: 'units',
  members: 'members',
  auditLog: 'audit_log',
  dutyItems: 'duty_items',
  invitations: 'invitations',
  joinRequests: 'join_requests',
  pointsRules: 'points_rules',
  ledger: 'points_ledger',
  totals: 'points_totals',
  periods: 'periods',
  snapshots: 'snapshots',
  appraisals: 'appraisals',
  ballots: 'ballots',
  rectifications: 'rectifications',
  honours: 'honours',
  planItems: 'plan_items',
  yearAwards: 'year_awards',
  lessons: 'lessons',
  lessonWatches: 'lesson_watches',
  studyPushes: 'study_pushes',
  pushReads: 'push_reads',
  subscriptions: 'subscriptions',
  notes: 'notes',
  noteLikes: 'note_likes',
  noteComments: 'note_comments',
  meetings: 'meetings',
  attendance: 'meeting_attendance',
  badgeCheckins: 'badge_checkins',
  pledges: 'pledges',
  fulfilments: 'pledge_fulfilments',
  pledgeReviews: 'pledge_reviews',
  activities: 'activities',
  activityPeople: 'activity_people',
  tasks: 'tasks',
  taskCompletions: 'task_completions',
  projects: 'projects',
  projectUpdates: 'project_updates',
  volunteerActivities: 'volunteer_activities',
  volunteerRecords: 'volunteer_records',
  targets: 'targets',
  targetEntries: 'target_entries',
  agreements: 'cobuild_agreements',
  cobuildActivities: 'cobuild_activities',
  /** Calls per caller, action and window (shared/api/throttle.ts). */
  rateMeters: 'rate_meters',
  /** WeChat's asynchronous image checks: one per stored image, pending until WeChat answers. */
  mediaChecks: 'media_checks',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

const asc = (field: string): IndexField => ({ field, direction: 1 });

export const INDEXES: readonly IndexDeclaration[] = [
  { collection: COLLECTIONS.rateMeters, name: 'byKeyWindow', fields: [asc('key'), asc('window')] },
  { collection: COLLECTIONS.mediaChecks, name: 'byTrace', fields: [asc('traceId')] },
  { collection: COLLECTIONS.mediaChecks, name: 'byStatus', fields: [asc('status'), asc('heldAt')] },
  { collection: COLLECTIONS.branches, name: 'byCommittee', fields: [asc('committeeId')] },
  { collection: COLLECTIONS.groups, name: 'byBranch', fields: [asc('branchId')] },
  { collection: COLLECTIONS.units, name: 'byBranch', fields: [asc('branchId')] },
  { collection: COLLECTIONS.members, name: 'byOpenid', fields: [asc('openid')], unique: false },
  { collection: COLLECTIONS.members, name: 'byBranch', fields: [asc('branchId'), asc('name')] },
  { collection: COLLECTIONS.auditLog, name: 'byBranchTime', fields: [asc('branchId'), { field: 'at', direction: -1 }] },
  { collection: COLLECTIONS.auditLog, name: 'byCommitteeTime', fields: [asc('committeeId'), { field: 'at', direction: -1 }] },
  { collection: COLLECTIONS.dutyItems, name: 'byBranchMember', fields: [asc('branchId'), asc('memberId')] },
  { collection: COLLECTIONS.invitations, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.joinRequests, name: 'byBranchStatus', fields: [asc('branchId'), asc('status')] },
  { collection: COLLECTIONS.joinRequests, name: 'byOpenid', fields: [asc('openid')] },
  { collection: COLLECTIONS.ledger, name: 'byMemberPeriod', fields: [asc('memberId'), asc('period'), { field: 'at', direction: -1 }] },
  { collection: COLLECTIONS.ledger, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period')] },
  { collection: COLLECTIONS.totals, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period')] },
  { collection: COLLECTIONS.totals, name: 'byMember', fields: [asc('memberId'), asc('period')] },
  { collection: COLLECTIONS.totals, name: 'byCommitteePeriod', fields: [asc('committeeId'), asc('period')] },
  { collection: COLLECTIONS.snapshots, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period'), { field: 'version', direction: -1 }] },
  { collection: COLLECTIONS.ballots, name: 'byRound', fields: [asc('roundId')] },
  { collection: COLLECTIONS.rectifications, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.rectifications, name: 'byMember', fields: [asc('memberId')] },
  { collection: COLLECTIONS.honours, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period')] },
  { collection: COLLECTIONS.planItems, name: 'byBranchYear', fields: [asc('branchId'), asc('year')] },
  { collection: COLLECTIONS.yearAwards, name: 'byBranchYear', fields: [asc('branchId'), asc('year')] },
  { collection: COLLECTIONS.pointsRules, name: 'byCommitteeCode', fields: [asc('committeeId'), asc('code')] },
  { collection: COLLECTIONS.lessons, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.lessonWatches, name: 'byLesson', fields: [asc('lessonId')] },
  { collection: COLLECTIONS.lessonWatches, name: 'byMember', fields: [asc('memberId')] },
  { collection: COLLECTIONS.studyPushes, name: 'byBranch', fields: [asc('branchId'), { field: 'sendAt', direction: -1 }] },
  { collection: COLLECTIONS.studyPushes, name: 'byDue', fields: [asc('status'), asc('sendAt')] },
  { collection: COLLECTIONS.pushReads, name: 'byPush', fields: [asc('pushId')] },
  { collection: COLLECTIONS.pushReads, name: 'byMember', fields: [asc('memberId')] },
  { collection: COLLECTIONS.notes, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.notes, name: 'byMember', fields: [asc('memberId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.noteComments, name: 'byNote', fields: [asc('noteId'), asc('createdAt')] },
  { collection: COLLECTIONS.meetings, name: 'byBranch', fields: [asc('branchId'), asc('startsAt')] },
  // The reminder timer looks across branches for meetings about to start.
  { collection: COLLECTIONS.meetings, name: 'byStart', fields: [asc('startsAt')] },
  { collection: COLLECTIONS.attendance, name: 'byMeeting', fields: [asc('meetingId')] },
  { collection: COLLECTIONS.badgeCheckins, name: 'byBranchDay', fields: [asc('branchId'), asc('day')] },
  { collection: COLLECTIONS.badgeCheckins, name: 'byMemberDay', fields: [asc('memberId'), { field: 'day', direction: -1 }] },
  { collection: COLLECTIONS.pledges, name: 'byBranchYear', fields: [asc('branchId'), asc('year')] },
  { collection: COLLECTIONS.fulfilments, name: 'byPledge', fields: [asc('pledgeId'), asc('at')] },
  { collection: COLLECTIONS.fulfilments, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period')] },
  { collection: COLLECTIONS.pledgeReviews, name: 'byPledge', fields: [asc('pledgeId')] },
  { collection: COLLECTIONS.pledgeReviews, name: 'byBranchPeriod', fields: [asc('branchId'), asc('period')] },
  { collection: COLLECTIONS.activities, name: 'byBranch', fields: [asc('branchId'), asc('startsAt')] },
  { collection: COLLECTIONS.activityPeople, name: 'byActivity', fields: [asc('activityId')] },
  { collection: COLLECTIONS.tasks, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.taskCompletions, name: 'byTask', fields: [asc('taskId')] },
  { collection: COLLECTIONS.taskCompletions, name: 'byMember', fields: [asc('memberId')] },
  { collection: COLLECTIONS.projects, name: 'byBranch', fields: [asc('branchId'), { field: 'createdAt', direction: -1 }] },
  { collection: COLLECTIONS.projects, name: 'byCommittee', fields: [asc('committeeId')] },
  { collection: COLLECTIONS.projectUpdates, name: 'byProject', fields: [asc('projectId'), { field: 'at', direction: -1 }] },
  { collection: COLLECTIONS.volunteerActivities, name: 'byBranch', fields: [asc('branchId'), { field: 'startsAt', direction: -1 }] },
  { collection: COLLECTIONS.volunteerRecords, name: 'byActivity', fields: [asc('activityId')] },
  { collection: COLLECTIONS.volunteerRecords, name: 'byBranchYear', fields: [asc('branchId'), asc('year')] },
  { collection: COLLECTIONS.targets, name: 'byBranch', fields: [asc('branchId')] },
  { collection: COLLECTIONS.targetEntries, name: 'byTarget', fields: [asc('targetId'), asc('on')] },
  { collection: COLLECTIONS.agreements, name: 'byBranch', fields: [asc('branchId')] },
  { collection: COLLECTIONS.agreements, name: 'byCommittee', fields: [asc('committeeId')] },
  { collection: COLLECTIONS.cobuildActivities, name: 'byAgreement', fields: [asc('agreementId'), asc('on')] },
];
