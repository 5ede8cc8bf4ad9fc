/**
 * The content table: which input fields go through WeChat's content check (DESIGN §5, issue
 * #14). Text a person types and others read is checked by the function runtime before the
 * handler runs (cloudfunctions/_shared/define.ts), so a rejected call writes nothing; images are
 * checked by the handler right after their folder check (`requireImages`), because an image is
 * only read once it is known to be the caller's own.
 *
 * Paths use the contract's field names: `text`, `business[].text`, `location.name`. Every
 * free-text field (`plainText`) and every stored file of every action is either listed here or
 * in `UNCHECKED` with the reason; tests/functions/content-checks.test.ts walks the contract to
 * keep it that way and sends a banned word (or a risky image) through each listed field.
 */
import type { ActionName } from './contract';

export interface ContentChecks {
  /** Free-text fields checked with security.msgSecCheck before the handler runs. */
  readonly text?: readonly string[];
  /** Image fields (stored files) checked by the handler: type, size and WeChat's image check. */
  readonly images?: readonly string[];
}

export const CONTENT_CHECKS: { readonly [A in ActionName]?: ContentChecks } = {
  // The branch's structure: names and duties appear on the pyramid and member cards.
  'org.updateMember': { text: ['duty'] },
  'org.saveGroup': { text: ['name'] },
  'org.saveUnit': { text: ['name', 'goal'] },
  'org.saveDutyItem': { text: ['title', 'detail'] },
  // A newcomer's name is read by the secretary and, once approved, by everyone.
  'org.requestJoin': { text: ['name'] },
  'org.decideJoin': { text: ['reason'] },
  'org.transferMember': { text: ['reason'] },
  // Reasons appear in the member's ledger and the audit log.
  'points.adjust': { text: ['reason'] },
  'points.reverse': { text: ['reason'] },
  'quarter.publish': { text: ['reason'] },
  'rectification.issue': { text: ['responsibilities[]', 'problems[]', 'actions[].text'] },
  'rectification.answer': { text: ['text'], images: ['photos[]'] },
  'rectification.review': { text: ['note'] },
  'honour.nominate': { text: ['story'], images: ['photo'] },
  'plan.saveItem': { text: ['title', 'targets[]', 'results[]'] },
  'award.confirm': { text: ['title'] },
  'lesson.create': { text: ['title', 'summary'], images: ['cover'] },
  'studyPush.send': { text: ['title', 'body'], images: ['images[]'] },
  'note.submit': { text: ['text'], images: ['images[]'] },
  'note.comment': { text: ['text'] },
  'meeting.schedule': { text: ['title', 'place', 'agenda'] },
  'meeting.markAttendance': { text: ['reason'] },
  'meeting.saveMinutes': { text: ['text'], images: ['photos[]'] },
  'badgeCheckin.submit': { text: ['location.name'], images: ['photo'] },
  'pledge.save': { text: ['business[].text', 'business[].measure', 'targets[].text', 'targets[].measure', 'post[].text', 'post[].measure'] },
  // A signature is drawn on the phone's canvas and shown on the letter others read.
  'pledge.sign': { images: ['signature'] },
  'pledge.addFulfilment': { text: ['text'], images: ['photos[]'] },
  'pledge.review': { text: ['comment'] },
  'activity.create': { text: ['theme', 'place', 'detail'] },
  'activity.saveSummary': { text: ['text'], images: ['photos[]'] },
  'task.publish': { text: ['title', 'detail'] },
  'task.complete': { images: ['photos[]'] },
  'project.create': { text: ['title', 'goal', 'overrideReason', 'milestones[].title'] },
  'project.setStatus': { text: ['note'] },
  'project.addUpdate': { text: ['text'], images: ['photos[]'] },
  'volunteer.create': { text: ['title', 'place'] },
  'volunteer.claim': { text: ['note'] },
  'target.save': { text: ['metric', 'measure'] },
  'target.addProgress': { text: ['note'] },
  'cobuild.save': { text: ['partner.name', 'partner.contact', 'terms'] },
  'cobuild.addActivity': { text: ['title', 'summary'] },
};

/** Free-text and file fields deliberately not checked, `action path` → why. */
export const UNCHECKED: Readonly<Record<string, string>> = {
  'org.members query': 'a search the secretary types: matched against names, never stored or shown to anyone',
  'lesson.create video': 'WeChat has no check for video (mediaCheckAsync takes images and audio); lessons are uploaded by the branch committee and published by the secretary, who watches them first',
  'cobuild.save file': 'the signed agreement, usually a PDF the image check cannot read; uploaded by the secretary and shown only to the branch committee and the 党委',
};
