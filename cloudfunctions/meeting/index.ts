/**
 * Cloud function `meeting`: 三会一课. The secretary schedules a meeting (kind, time, place,
 * agenda, who must attend — by default from the kind); at the meeting the screen shows a
 * sign-in QR whose token rotates every minute; members scan it to sign in (attendance once,
 * points once); the secretary records absences with reasons and the minutes with photos; each
 * quarter the meetings held per kind are counted against what the rules require.
 */
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { requireImages } from '../_shared/content';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { groupDoc, memberDoc, type MemberDoc } from '../../shared/domain/org';
import type { MeetingKind } from '../../shared/domain/study';
import { chinaQuarter } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import { asMember, defineFunction, type ActionContext, type MemberContext } from '../_shared/define';
import { findAll, getInBranch, withoutId } from '../_shared/repo';
import { newSecret } from '../_shared/signin-token';
import { signInCode } from '../_shared/signin';
import { inTransaction } from '../_shared/transaction';
import { markAttendance, NOT_FOUND_MESSAGE, signIn } from './attendance';
import { remind } from './reminders';
import { meetingReport, quarterMeetings } from './report';
import { meetingDoc, minutesFolder, newMeetingId, SIGN_IN_PAGE, type MeetingDoc } from './docs';
import { attendanceOf, attendanceRows, factsFromAttendance, groupNamesOf, loadFacts, meetingViews } from './views';
import { requirePlannedWithin } from '../_shared/planning';

const isSecretary = (member: MemberDoc) => member.roles.includes('secretary');

/**
 * Who must attend by default: everyone for the assembly and the lecture, the committee
 * (committee members and the secretary) for a committee meeting, the group's members for a
 * group meeting. Ordered by name, as the attendance list shows them.
 */
export function defaultAttendees(kind: MeetingKind, members: readonly MemberDoc[], groupId: string | null): string[] {
  const chosen = members.filter((m) => {
    if (kind === 'committee') return m.roles.includes('committeeMember') || m.roles.includes('secretary');
    if (kind === 'group') return m.groupId !== null && m.groupId === groupId;
    return true;
  });
  return chosen.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')).map((m) => m._id);
}

/** A meeting of the caller's branch that the caller may see: the secretary sees all, others the meetings they must attend. */
function mayView(doc: MeetingDoc, member: MemberDoc): boolean {
  return isSecretary(member) || doc.attendeeIds.includes(member._id);
}

async function meetingOf(ctx: MemberContext, meetingId: string): Promise<MeetingDoc> {
  const doc = await getInBranch(ctx.db, COLLECTIONS.meetings, meetingId, meetingDoc, ctx.member.branchId, NOT_FOUND_MESSAGE);
  if (!mayView(doc, ctx.member)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return doc;
}

/** The audit record of a meeting: everything but the secret. */
function auditable(doc: MeetingDoc) {
  const { secret: _secret, ...rest } = doc;
  return rest;
}

async function schedule(input: ActionInput<'meeting.schedule'>, ctx: ActionContext): Promise<ActionOutput<'meeting.schedule'>> {
  const { db, member: actor, now } = asMember(ctx);
  let groupId: string | null = null;
  if (input.kind === 'group') {
    if (!input.groupId) throw new AppError('INVALID_INPUT', '党小组会请选择党小组', { groupId: '请选择党小组' });
    groupId = (await getInBranch(db, COLLECTIONS.groups, input.groupId, groupDoc, actor.branchId, '党小组不存在'))._id;
  } else if (input.groupId) {
    throw new AppError('INVALID_INPUT', '只有党小组会需要选择党小组', { groupId: '只有党小组会需要选择党小组' });
  }
  const members = await findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc);
  let attendeeIds: string[];
  if (input.attendeeIds) {
    const inBranch = new Set(members.map((m) => m._id));
    attendeeIds = [...new Set(input.attendeeIds)];
    // Someone of another branch answers like a missing member.
    if (attendeeIds.some((id) => !inBranch.has(id))) throw new AppError('NOT_FOUND', '成员不存在');
  } else {
    attendeeIds = defaultAttendees(input.kind, members, groupId);
  }
  if (attendeeIds.length === 0) throw new AppError('CONFLICT', '没有应参会的党员，请先为党小组分配成员');
  requirePlannedWithin(new Date(input.startsAt), now, 'startsAt');

  const doc: MeetingDoc = {
    _id: newMeetingId(),
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    kind: input.kind,
    title: input.title,
    startsAt: new Date(input.startsAt),
    place: input.place,
    agenda: input.agenda,
    groupId,
    attendeeIds,
    secret: newSecret(),
    minutes: null,
    remindedAt: null,
    createdAt: now,
    createdBy: actor._id,
  };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.meetings).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'meeting.schedule', targetType: 'meeting', targetId: doc._id, branchId: actor.branchId, before: null, after: auditable(doc) });
  });
  const [view] = await meetingViews([doc], factsFromAttendance(doc, [], actor, await groupNamesOf(db, doc)), actor, now);
  return view;
}

async function list(input: ActionInput<'meeting.list'>, ctx: ActionContext): Promise<ActionOutput<'meeting.list'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const docs = (await quarterMeetings(db, member.branchId, period)).filter((d) => mayView(d, member));
  return { period, items: await meetingViews(docs, await loadFacts(db, docs, member), member, now) };
}

async function get(input: ActionInput<'meeting.get'>, ctx: ActionContext): Promise<ActionOutput<'meeting.get'>> {
  const c = asMember(ctx);
  const doc = await meetingOf(c, input.meetingId);
  const [rows, groupNames] = await Promise.all([attendanceOf(c.db, doc._id), groupNamesOf(c.db, doc)]);
  const [meeting] = await meetingViews([doc], factsFromAttendance(doc, rows, c.member, groupNames), c.member, c.now);
  return { meeting, attendance: isSecretary(c.member) ? await attendanceRows(c.db, doc, rows) : null };
}

/**
 * A fresh sign-in code. The image is returned inline as a data URL: the screen asks for a new
 * one every minute, and storing a file each time would fill storage for nothing.
 */
async function code(input: ActionInput<'meeting.signInCode'>, ctx: ActionContext): Promise<ActionOutput<'meeting.signInCode'>> {
  const c = asMember(ctx);
  const doc = await meetingOf(c, input.meetingId);
  return signInCode(doc._id, doc.secret, SIGN_IN_PAGE, c.now);
}

async function saveMinutes(input: ActionInput<'meeting.saveMinutes'>, ctx: ActionContext): Promise<ActionOutput<'meeting.saveMinutes'>> {
  const c = asMember(ctx);
  const { db, member: actor, now } = c;
  const found = await meetingOf(c, input.meetingId);
  if (found.startsAt.getTime() > now.getTime()) throw new AppError('CONFLICT', '会议开始后才能填写会议记录');
  await requireImages(asMember(ctx), input.photos, { folder: minutesFolder(found._id), field: 'photos', notOwn: '照片不属于该会议，请重新上传' });
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.meetings).doc(found._id).get();
    const before = meetingDoc.parse(data);
    const next: MeetingDoc = { ...before, minutes: { text: input.text, photos: input.photos, at: now, by: actor.name } };
    await t.collection(COLLECTIONS.meetings).doc(before._id).set(withoutId(next));
    await audit(t, actor, now, { action: 'meeting.saveMinutes', targetType: 'meeting', targetId: before._id, branchId: actor.branchId, before: before.minutes, after: next.minutes });
    return next;
  });
  const [rows, groupNames] = await Promise.all([attendanceOf(db, after._id), groupNamesOf(db, after)]);
  const [view] = await meetingViews([after], factsFromAttendance(after, rows, actor, groupNames), actor, now);
  return view;
}

async function quarterReport(input: ActionInput<'meeting.quarterReport'>, ctx: ActionContext): Promise<ActionOutput<'meeting.quarterReport'>> {
  const { db, member, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  return { period, kinds: await meetingReport(db, member.branchId, period, now) };
}

export const main = defineFunction('meeting')({ schedule, list, get, signInCode: code, signIn, markAttendance, saveMinutes, quarterReport }, { timers: { remind } });
