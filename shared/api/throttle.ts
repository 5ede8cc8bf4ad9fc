/**
 * The throttle table: how often one caller (one WeChat identity, bound or not) may call an
 * action, counted in fixed windows of the call's time. The function runtime meters a listed action
 * before anything else touches the database and answers RATE_LIMITED past the budget
 * (cloudfunctions/_shared/throttle.ts). Unlisted actions are reads and taps whose cost is no
 * more than the meter's own write, so metering them would only add cost (DESIGN §9).
 */
import type { ActionName } from './contract';

export interface Budget {
  /** Calls allowed in one window. */
  calls: number;
  /** The window, in seconds. */
  seconds: number;
}

/** What a person writes for others: a content check, often an award, a record others read. */
const PUBLISH: Budget = { calls: 10, seconds: 60 };
/** Taps a page makes as the member uses it (a like, a sign-up, a playback report every 10 s). */
const TAP: Budget = { calls: 60, seconds: 60 };
/** Reports over a whole branch or company, each hundreds of reads or a workbook. */
const REPORT: Budget = { calls: 10, seconds: 60 };

export const BUDGETS: { readonly [A in ActionName]?: Budget } = {
  'org.requestJoin': { calls: 5, seconds: 60 },
  'org.createInvitation': PUBLISH,
  'note.submit': PUBLISH,
  'note.comment': { calls: 20, seconds: 60 },
  'note.like': TAP,
  'lesson.create': PUBLISH,
  'lesson.progress': TAP,
  'studyPush.send': PUBLISH,
  'studyPush.read': TAP,
  'badgeCheckin.submit': PUBLISH,
  'pledge.save': PUBLISH,
  'pledge.sign': PUBLISH,
  'pledge.addFulfilment': PUBLISH,
  'honour.nominate': PUBLISH,
  'rectification.answer': PUBLISH,
  'meeting.schedule': PUBLISH,
  'meeting.saveMinutes': PUBLISH,
  'meeting.signIn': TAP,
  'activity.create': PUBLISH,
  'activity.saveSummary': PUBLISH,
  'activity.signUp': TAP,
  'activity.signIn': TAP,
  'task.publish': PUBLISH,
  'task.complete': TAP,
  'project.create': PUBLISH,
  'project.addUpdate': PUBLISH,
  'volunteer.create': PUBLISH,
  'volunteer.claim': PUBLISH,
  'target.addProgress': PUBLISH,
  'cobuild.addActivity': PUBLISH,
  'bulletin.export': REPORT,
  'points.compareBranches': REPORT,
  'dashboard.quarter': REPORT,
};
