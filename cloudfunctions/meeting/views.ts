/** What a phone sees of meetings: counts, the caller's own attendance, minutes photos as temporary URLs. Never the secret. */
import type { AttendanceRow, MeetingView } from '../../shared/api/contract';
import { COLLECTIONS } from '../../shared/db/collections';
import { groupDoc, memberDoc, type MemberDoc } from '../../shared/domain/org';
import { isHeld } from '../../shared/study/meetings';
import type { Database } from '../_shared/cloud';
import { tempUrls } from '../_shared/files';
import { findAll, getById } from '../_shared/repo';
import { attendanceDoc, attendanceId, type AttendanceDoc, type MeetingDoc } from './docs';

/** Present members per meeting: one aggregate for all the meetings of a page. */
export async function presentCounts(db: Database, meetingIds: readonly string[]): Promise<Map<string, number>> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(COLLECTIONS.attendance)
    .aggregate()
    .match({ meetingId: db.command.in([...meetingIds]), status: 'present' })
    .group({ _id: '$meetingId', n: $.sum(1) })
    .limit(1000)
    .end();
  return new Map((data as Array<{ _id: string; n: number }>).map((row) => [row._id, row.n]));
}

/** Facts the views need beyond the meeting documents. */
export interface ViewFacts {
  present: ReadonlyMap<string, number>;
  mine: ReadonlyMap<string, AttendanceDoc>;
  groupNames: ReadonlyMap<string, string>;
}

export async function loadFacts(db: Database, docs: readonly MeetingDoc[], member: MemberDoc): Promise<ViewFacts> {
  if (docs.length === 0) return { present: new Map(), mine: new Map(), groupNames: new Map() };
  const ids = docs.map((d) => d._id);
  const [present, mine, groups] = await Promise.all([
    presentCounts(db, ids),
    findAll(db, COLLECTIONS.attendance, { _id: db.command.in(ids.map((id) => attendanceId(id, member._id))) }, attendanceDoc),
    docs.some((d) => d.groupId) ? findAll(db, COLLECTIONS.groups, { branchId: docs[0].branchId }, groupDoc) : Promise.resolve([]),
  ]);
  return { present, mine: new Map(mine.map((a) => [a.meetingId, a])), groupNames: new Map(groups.map((g) => [g._id, g.name])) };
}

/** The facts of one meeting from all its attendance rows (no extra reads). */
export function factsFromAttendance(doc: MeetingDoc, rows: readonly AttendanceDoc[], member: MemberDoc, groupNames: ReadonlyMap<string, string>): ViewFacts {
  const own = rows.find((r) => r.memberId === member._id);
  return {
    present: new Map([[doc._id, rows.filter((r) => r.status === 'present').length]]),
    mine: own ? new Map([[doc._id, own]]) : new Map(),
    groupNames,
  };
}

/** The name of a group meeting's group (one read; none for the other kinds). */
export async function groupNamesOf(db: Database, doc: MeetingDoc): Promise<Map<string, string>> {
  if (!doc.groupId) return new Map();
  const group = await getById(db, COLLECTIONS.groups, doc.groupId, groupDoc);
  return new Map(group ? [[group._id, group.name]] : []);
}

export function held(doc: MeetingDoc, present: number, now: Date): boolean {
  return isHeld({ startsAt: doc.startsAt, hasMinutes: doc.minutes !== null, present }, now);
}

export async function meetingViews(docs: readonly MeetingDoc[], facts: ViewFacts, member: MemberDoc, now: Date): Promise<MeetingView[]> {
  const urls = await tempUrls(docs.flatMap((d) => d.minutes?.photos ?? []));
  return docs.map((d) => {
    const present = facts.present.get(d._id) ?? 0;
    const own = facts.mine.get(d._id);
    return {
      id: d._id,
      kind: d.kind,
      title: d.title,
      startsAt: d.startsAt.toISOString(),
      place: d.place,
      agenda: d.agenda,
      group: d.groupId ? { id: d.groupId, name: facts.groupNames.get(d.groupId) ?? '' } : null,
      attendees: d.attendeeIds.length,
      present,
      held: held(d, present, now),
      mine: { expected: d.attendeeIds.includes(member._id), status: own ? own.status : 'pending' },
      minutes: d.minutes
        ? { text: d.minutes.text, photoUrls: d.minutes.photos.map((id) => urls.get(id)).filter((url): url is string => Boolean(url)), at: d.minutes.at.toISOString(), by: d.minutes.by }
        : null,
    };
  });
}

/**
 * The secretary's attendance list: every expected member in the order scheduled, then anyone
 * else recorded (none today: only attendees may sign in or be marked). Names are read from the
 * member records, so a member who left the branch since still shows by name.
 */
export async function attendanceRows(db: Database, doc: MeetingDoc, rows: readonly AttendanceDoc[]): Promise<AttendanceRow[]> {
  const ids = [...new Set([...doc.attendeeIds, ...rows.map((r) => r.memberId)])];
  const people = ids.length ? await findAll(db, COLLECTIONS.members, { _id: db.command.in(ids) }, memberDoc) : [];
  const names = new Map(people.map((p) => [p._id, p.name]));
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  return ids.map((id) => {
    const row = byMember.get(id);
    return { id, name: names.get(id) ?? '（已移出的成员）', status: row ? row.status : 'pending', reason: row?.reason ?? '', at: row ? row.at.toISOString() : null };
  });
}

export async function attendanceOf(db: Database, meetingId: string): Promise<AttendanceDoc[]> {
  return findAll(db, COLLECTIONS.attendance, { meetingId }, attendanceDoc);
}
