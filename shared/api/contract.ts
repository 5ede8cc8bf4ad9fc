/**
 * The API contract (DESIGN §3): every callable action, `function.action`, with its input
 * and output schemas. Who may call each one, on whose data, is in `policy.ts`. Functions
 * validate with these schemas; the mini-program's typed client derives its types from them
 * (type-only import, so zod stays out of the mini-program bundle).
 */
import { z } from 'zod';
import { orgActions } from './actions/org';
import { pointsActions } from './actions/points';
import { quarterActions } from './actions/quarter';
import { rectificationActions } from './actions/rectification';
import { bulletinActions } from './actions/bulletin';
import { honourActions } from './actions/honour';
import { yearlyActions } from './actions/yearly';
import { lessonActions } from './actions/lesson';
import { studyPushActions } from './actions/studyPush';
import { noteActions } from './actions/note';
import { meetingActions } from './actions/meeting';
import { badgeCheckinActions } from './actions/badgeCheckin';
import { pledgeActions } from './actions/pledge';
import { activityActions } from './actions/activity';
import { taskActions } from './actions/task';
import { projectActions } from './actions/project';
import { volunteerActions } from './actions/volunteer';
import { targetActions } from './actions/target';
import { cobuildActions } from './actions/cobuild';
import { dashboardActions } from './actions/dashboard';

export type { ActionSpec } from './action';
export type { QuarterResult, ResultRow } from './actions/quarter';
export type { RectificationView } from './actions/rectification';
export type { HonourView } from './actions/honour';
export type { PlanItemView, YearRow } from './actions/yearly';
export type { LessonView } from './actions/lesson';
export type { StudyPushView } from './actions/studyPush';
export type { NoteView, CommentView } from './actions/note';
export type { MeetingView, AttendanceRow } from './actions/meeting';
export type { CheckinView } from './actions/badgeCheckin';
export type { PledgeView } from './actions/pledge';
export type { ActivityView } from './actions/activity';
export type { TaskView } from './actions/task';
export type { ProjectView } from './actions/project';
export type { VolunteerActivityView } from './actions/volunteer';
export type { TargetView } from './actions/target';
export type { AgreementView } from './actions/cobuild';
export type { LedgerEntryView, RankingRow, RuleView } from './actions/points';
export type { Me, MemberView, PyramidView, InvitationView, JoinRequestView, AuditEntryView, DutyItemView, GroupView, UnitView } from './actions/org';

export const contract = {
  ...orgActions,
  ...pointsActions,
  ...quarterActions,
  ...rectificationActions,
  ...bulletinActions,
  ...honourActions,
  ...yearlyActions,
  ...lessonActions,
  ...studyPushActions,
  ...noteActions,
  ...meetingActions,
  ...badgeCheckinActions,
  ...pledgeActions,
  ...activityActions,
  ...taskActions,
  ...projectActions,
  ...volunteerActions,
  ...targetActions,
  ...cobuildActions,
  ...dashboardActions,
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<A extends ActionName> = z.input<Contract[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<Contract[A]['output']>;

/** `org.me` → `{ functionName: 'org', action: 'me' }`: one cloud function per prefix. */
export function splitAction(name: string): { functionName: string; action: string } {
  const dot = name.indexOf('.');
  return { functionName: name.slice(0, dot), action: name.slice(dot + 1) };
}

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The wire event a function receives: the action and its input, never the caller's identity. */
export const callEvent = z.object({ action: z.string().min(1).max(64), input: z.unknown().optional() });
export type CallEvent = z.infer<typeof callEvent>;
