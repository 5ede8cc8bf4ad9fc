/** A branch's 三会一课 for a quarter, counted against the rules — for the meeting page and the secretary's 首页. */
import { COLLECTIONS } from '../../shared/db/collections';
import { groupDoc } from '../../shared/domain/org';
import { quarterReport, type HeldMeeting, type KindReport } from '../../shared/study/meetings';
import { chinaMonth, quarterBounds, quarterMonths } from '../../shared/time/china';
import type { Database } from '../_shared/cloud';
import { findAll } from '../_shared/repo';
import { meetingDoc, type MeetingDoc } from './docs';
import { held, presentCounts } from './views';

export async function quarterMeetings(db: Database, branchId: string, period: string): Promise<MeetingDoc[]> {
  const { start, end } = quarterBounds(period);
  const _ = db.command;
  const docs = await findAll(db, COLLECTIONS.meetings, { branchId, startsAt: _.gte(start).and(_.lt(end)) }, meetingDoc);
  return docs.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export async function meetingReport(db: Database, branchId: string, period: string, now: Date): Promise<KindReport[]> {
  const [docs, groups] = await Promise.all([quarterMeetings(db, branchId, period), findAll(db, COLLECTIONS.groups, { branchId }, groupDoc)]);
  const present = docs.length ? await presentCounts(db, docs.map((d) => d._id)) : new Map<string, number>();
  const heldMeetings: HeldMeeting[] = docs.filter((d) => held(d, present.get(d._id) ?? 0, now)).map((d) => ({ kind: d.kind, month: chinaMonth(d.startsAt), groupId: d.groupId }));
  return quarterReport({
    months: quarterMonths(period),
    currentMonth: chinaMonth(now),
    groups: groups.sort((a, b) => a._id.localeCompare(b._id)).map((g) => ({ id: g._id, name: g.name })),
    held: heldMeetings,
  });
}
