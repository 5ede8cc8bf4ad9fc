/**
 * Attendance: a member signs in by scanning the rotating QR code, or the secretary records a
 * member present (no phone, scanner broken) or absent with a reason (请假). Attendance has one
 * document per member and meeting, so signing in twice records once; the points of
 * `meetingAttended` go through the engine, idempotent per (rule, member, meeting).
 */
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc, type MemberDoc } from '../../shared/domain/org';
import { ledgerEntryDoc } from '../../shared/points/ledger';
import { audit } from '../_shared/audit';
import { asMember, type ActionContext } from '../_shared/define';
import { award, entryId, reverse, type Awardee } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { getById, getInBranch, withoutId } from '../_shared/repo';
import { EXPIRED_MESSAGE, scannedSubject } from '../_shared/signin';
import { inTransaction } from '../_shared/transaction';
import type { Database } from '../_shared/cloud';
import { attendanceDoc, attendanceId, meetingDoc, type AttendanceDoc, type MeetingDoc } from './docs';
import { attendanceOf, attendanceRows, factsFromAttendance, groupNamesOf, meetingViews } from './views';

export { EXPIRED_MESSAGE };
const INVALID_MESSAGE = '这不是有效的签到码，请扫描会场展示的签到二维码';
export const NOT_FOUND_MESSAGE = '会议不存在或已被删除';

/** The ledger source of a meeting's attendance points. */
export const pointsSource = (meetingId: string) => `meeting:${meetingId}`;

async function awardAttendance(db: Database, meeting: MeetingDoc, member: Awardee, now: Date): Promise<void> {
  await award(db, await rulesFor(db, member.committeeId), { member, rule: 'meetingAttended', source: pointsSource(meeting._id), label: meeting.title, at: now });
}

/** Reads and writes one attendance document in a transaction; answers what it was before. */
async function writeAttendance(
  db: Database,
  id: string,
  next: (before: AttendanceDoc | null) => AttendanceDoc | null,
  auditAs: { actor: MemberDoc; now: Date } | null,
): Promise<{ before: AttendanceDoc | null; after: AttendanceDoc | null }> {
  return inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.attendance).doc(id).get();
    const before = data ? attendanceDoc.parse(data) : null;
    const after = next(before);
    if (!after) return { before, after: null };
    await t.collection(COLLECTIONS.attendance).doc(id).set(withoutId(after));
    if (auditAs) {
      await audit(t, auditAs.actor, auditAs.now, {
        action: 'meeting.markAttendance',
        targetType: 'meetingAttendance',
        targetId: id,
        branchId: after.branchId,
        before: before ? { status: before.status, reason: before.reason } : null,
        after: { status: after.status, reason: after.reason },
      });
    }
    return { before, after };
  });
}

export async function signIn(input: ActionInput<'meeting.signIn'>, ctx: ActionContext): Promise<ActionOutput<'meeting.signIn'>> {
  const { db, member, now } = asMember(ctx);
  // Another branch's meeting answers exactly like a missing one, and nothing is written.
  const meeting = await scannedSubject(
    input.token,
    async (meetingId) => {
      const found = await getById(db, COLLECTIONS.meetings, meetingId, meetingDoc);
      return found && found.branchId === member.branchId ? { doc: found, secret: found.secret } : null;
    },
    now,
    { notFound: NOT_FOUND_MESSAGE, invalid: INVALID_MESSAGE },
  );
  if (!meeting.attendeeIds.includes(member._id)) {
    throw new AppError('FORBIDDEN', '您不在本次会议的应到人员名单中，如需参会请联系支部书记');
  }

  const id = attendanceId(meeting._id, member._id);
  const { before } = await writeAttendance(
    db,
    id,
    (existing) =>
      existing?.status === 'present'
        ? null
        : { _id: id, committeeId: member.committeeId, branchId: meeting.branchId, meetingId: meeting._id, memberId: member._id, status: 'present', reason: '', via: 'scan', at: now },
    null,
  );
  const alreadySignedIn = before?.status === 'present';
  // Also on a repeated scan: the award is idempotent, so a sign-in whose award failed half-way
  // is completed by scanning again, and a completed one is never counted twice.
  await awardAttendance(db, meeting, member, now);

  const [rows, groupNames] = await Promise.all([attendanceOf(db, meeting._id), groupNamesOf(db, meeting)]);
  const [view] = await meetingViews([meeting], factsFromAttendance(meeting, rows, member, groupNames), member, now);
  return { meeting: view, alreadySignedIn };
}

/**
 * The secretary records a member present or absent (with a reason). Absent after present
 * (a scan that should not count, e.g. someone who scanned and left) reverses the attendance
 * points through the engine, with the reason and the secretary as author. Marking the member
 * present again afterwards does not award a second time — the award is idempotent per
 * (rule, member, meeting) — so a secretary who needs to restore them uses 积分记录 加分.
 */
export async function markAttendance(input: ActionInput<'meeting.markAttendance'>, ctx: ActionContext): Promise<ActionOutput<'meeting.markAttendance'>> {
  const { db, member: actor, now } = asMember(ctx);
  const meeting = await getInBranch(db, COLLECTIONS.meetings, input.meetingId, meetingDoc, actor.branchId, NOT_FOUND_MESSAGE);
  if (!meeting.attendeeIds.includes(input.memberId)) throw new AppError('NOT_FOUND', '该成员不在本次会议的应到人员中');
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, actor.branchId, '成员不存在');

  const id = attendanceId(meeting._id, target._id);
  const reason = input.status === 'present' ? '' : input.reason;
  await writeAttendance(
    db,
    id,
    () => ({ _id: id, committeeId: target.committeeId, branchId: meeting.branchId, meetingId: meeting._id, memberId: target._id, status: input.status, reason, via: 'secretary', at: now }),
    { actor, now },
  );
  if (input.status === 'present') {
    await awardAttendance(db, meeting, target, now);
  } else {
    const entry = await getById(db, COLLECTIONS.ledger, entryId('meetingAttended', target._id, pointsSource(meeting._id)), ledgerEntryDoc);
    if (entry) await reverse(db, entry, { author: actor, reason: `记为请假/缺席：${reason}`, at: now });
  }
  return { attendance: await attendanceRows(db, meeting, await attendanceOf(db, meeting._id)) };
}
