/** Stored shapes of the `meeting` function: meetings of 三会一课 and each member's attendance. */
import { shortId } from '../_shared/signin';
import { z } from 'zod';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../shared/domain/study';

export const meetingDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: z.date(),
  place: z.string(),
  agenda: z.string(),
  /** The Party group of a group meeting; null for the other kinds. */
  groupId: z.string().nullable(),
  /** Who must attend, fixed when the meeting is scheduled. */
  attendeeIds: z.array(z.string()),
  /** Signs the rotating sign-in tokens (cloudfunctions/_shared/signin-token). Never in any output. */
  secret: z.string(),
  minutes: z.object({ text: z.string(), photos: z.array(z.string()), at: z.date(), by: z.string() }).nullable(),
  /** When the reminder went out (reminders.ts); null until then. Older meetings lack it. */
  remindedAt: z.date().nullable().default(null),
  createdAt: z.date(),
  createdBy: z.string(),
});
export type MeetingDoc = z.infer<typeof meetingDoc>;

/** `_id` = `<meetingId>:<memberId>`: one attendance per member and meeting, however often they scan. */
export const attendanceDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  meetingId: z.string(),
  memberId: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  /** Why absent (请假 / 缺席); '' when present. */
  reason: z.string(),
  /** 'scan': the member scanned the code; 'secretary': recorded by the secretary. */
  via: z.enum(['scan', 'secretary']),
  at: z.date(),
});
export type AttendanceDoc = z.infer<typeof attendanceDoc>;

export const attendanceId = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`;

/**
 * A meeting id short enough for its sign-in token to fit a mini-program code's 32-character
 * scene: 'mt' + 10 base64url characters (60 random bits).
 */
export function newMeetingId(): string {
  return shortId('mt');
}

/** The member's list of meetings, which a reminder opens. */
export const MEETINGS_PAGE = 'subpackages/study/pages/meetings/index';

/** The page a scanned sign-in code opens; the token is its scene. */
export const SIGN_IN_PAGE = 'subpackages/study/pages/meeting-signin/index';

/** The storage folder of a meeting's minutes photos. */
export const minutesFolder = (meetingId: string) => `meetings/${meetingId}`;
