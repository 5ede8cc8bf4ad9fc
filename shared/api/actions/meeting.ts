/** Actions of the `meeting` function: 三会一课 — scheduling, QR sign-in, attendance, minutes and the quarter's count. */
import { z } from 'zod';
import { plainText, recordId, storedFile } from '../../domain/text';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../domain/study';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');
const person = z.object({ id: z.string(), name: z.string() });

export const meetingView = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  agenda: z.string(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  attendees: z.number().int(),
  present: z.number().int(),
  held: z.boolean(),
  /** The caller's own attendance: must attend, and present / absent / not yet. */
  mine: z.object({ expected: z.boolean(), status: z.enum(['present', 'absent', 'pending']) }),
  minutes: z.object({ text: z.string(), photoUrls: z.array(z.string()), at: z.string(), by: z.string() }).nullable(),
});
export type MeetingView = z.infer<typeof meetingView>;

export const attendanceRow = person.extend({ status: z.enum(['present', 'absent', 'pending']), reason: z.string(), at: z.string().nullable() });
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const meetingActions = {
  'meeting.schedule': action({
    summary: 'The secretary schedules a meeting of 三会一课: kind, time, place, agenda and who must attend (default from the kind).',
    input: z
      .object({
        kind: z.enum(MEETING_KINDS),
        title: plainText(40, { min: 2 }),
        startsAt: z.string().datetime({ offset: true }),
        place: plainText(60),
        agenda: plainText(2000, { multiline: true }),
        /** Required for a group meeting; its members must attend. */
        groupId: recordId.nullable(),
        /** Who must attend; null: the kind's default (all members, the committee, or the group). */
        attendeeIds: z.array(recordId).min(1).max(500).nullable(),
      })
      .strict(),
    output: meetingView,
  }),
  'meeting.list': action({
    summary: "The branch's meetings of a quarter, soonest last, with the caller's attendance.",
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({ period: z.string(), items: z.array(meetingView) }),
  }),
  'meeting.get': action({
    summary: 'One meeting; the secretary also gets the attendance list.',
    input: z.object({ meetingId: recordId }).strict(),
    output: z.object({ meeting: meetingView, attendance: z.array(attendanceRow).nullable() }),
  }),
  'meeting.signInCode': action({
    summary: 'The sign-in QR the secretary shows at the meeting; its token expires after 60 s, so the screen fetches a new one.',
    input: z.object({ meetingId: recordId }).strict(),
    output: z.object({ token: z.string(), qrUrl: z.string(), page: z.string(), expiresAt: z.string() }),
  }),
  'meeting.signIn': action({
    summary: 'A member scans the sign-in QR: attendance once, points once; an expired or foreign token is refused.',
    input: z.object({ token: z.string().min(10).max(64) }).strict(),
    output: z.object({ meeting: meetingView, alreadySignedIn: z.boolean() }),
  }),
  'meeting.markAttendance': action({
    summary: 'The secretary records a member present (e.g. no phone) or absent with a reason.',
    input: z
      .object({ meetingId: recordId, memberId: recordId, status: z.enum(ATTENDANCE_STATUSES), reason: plainText(100).or(z.literal('')) })
      .strict()
      .refine((v) => v.status === 'present' || v.reason.length > 0, { message: '请填写缺席原因', path: ['reason'] }),
    output: z.object({ attendance: z.array(attendanceRow) }),
  }),
  'meeting.saveMinutes': action({
    summary: 'The secretary records the minutes with photos after the meeting.',
    input: z.object({ meetingId: recordId, text: plainText(5000, { min: 10, multiline: true }), photos: z.array(storedFile).max(9) }).strict(),
    output: meetingView,
  }),
  'meeting.quarterReport': action({
    summary: 'Meetings held per kind in a quarter against what 三会一课 requires, with the gaps (secretary).',
    input: z.object({ period: period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      kinds: z.array(
        z.object({
          kind: z.enum(MEETING_KINDS),
          required: z.number().int(),
          held: z.number().int(),
          /** What is missing so far, e.g. '11月 第二党小组'; only months already begun count. */
          gaps: z.array(z.string()),
        }),
      ),
    }),
  }),
} as const;
