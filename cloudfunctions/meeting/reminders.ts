/**
 * The meeting reminder, run by the timer trigger `remind` every five minutes: each meeting
 * that starts within the next hour is claimed once (a conditional update, so two runs
 * cannot both send), and each expected attendee who subscribed gets one subscribe message.
 */
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { formatChinaDateTime } from '../../shared/time/china';
import type { Database } from '../_shared/cloud';
import { findAll } from '../_shared/repo';
import { notify } from '../_shared/subscriptions';
import { meetingDoc, MEETINGS_PAGE, type MeetingDoc } from './docs';

/** How long before the start the reminder goes out (the timer runs every 5 minutes). */
export const REMIND_BEFORE_MS = 60 * 60 * 1000;

async function claim(db: Database, meeting: MeetingDoc, now: Date): Promise<boolean> {
  const { updated } = await db.collection(COLLECTIONS.meetings).where({ _id: meeting._id, remindedAt: null }).update({ remindedAt: now });
  return updated === 1;
}

async function remindOne(db: Database, meeting: MeetingDoc, now: Date): Promise<number> {
  if (!(await claim(db, meeting, now))) return 0;
  const _ = db.command;
  const attendees = await findAll(db, COLLECTIONS.members, { branchId: meeting.branchId, _id: _.in(meeting.attendeeIds) }, memberDoc);
  return notify(
    db,
    'meeting',
    attendees.map((m) => ({ memberId: m._id, openid: m.openid })),
    {
      page: MEETINGS_PAGE,
      fields: { title: meeting.title, start: formatChinaDateTime(meeting.startsAt), place: meeting.place },
    },
    now,
  );
}

export async function remind({ db, now }: { db: Database; now: Date }): Promise<{ meetings: number; notified: number }> {
  const _ = db.command;
  const until = new Date(now.getTime() + REMIND_BEFORE_MS);
  const due = await findAll(db, COLLECTIONS.meetings, { startsAt: _.gt(now).and(_.lte(until)), remindedAt: null }, meetingDoc);
  let notified = 0;
  for (const meeting of due) notified += await remindOne(db, meeting, now);
  return { meetings: due.length, notified };
}
