/** Actions of the `volunteer` function: 社会责任 — volunteer activities and confirmed hours. */
import { z } from 'zod';
import { plainText, recordId } from '../../domain/text';
import { VOLUNTEER_RECORD_STATUSES } from '../../domain/work';
import { action } from '../action';

const person = z.object({ id: z.string(), name: z.string() });

export const volunteerActivityView = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  organiser: person,
  records: z.array(z.object({ id: z.string(), member: person, hours: z.number(), status: z.enum(VOLUNTEER_RECORD_STATUSES), note: z.string() })),
});
export type VolunteerActivityView = z.infer<typeof volunteerActivityView>;

const hours = z.number().min(0.5).max(24).multipleOf(0.5, '以半小时为单位');

export const volunteerActions = {
  'volunteer.create': action({
    summary: 'A volunteer activity with its organiser (a member of the branch who confirms the hours); secretary.',
    input: z.object({ title: plainText(40, { min: 2 }), startsAt: z.string().datetime({ offset: true }), place: plainText(60), organiserId: recordId }).strict(),
    output: volunteerActivityView,
  }),
  'volunteer.list': action({
    summary: "The branch's volunteer activities, newest first, with hours claimed and confirmed.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(volunteerActivityView) }),
  }),
  'volunteer.claim': action({
    summary: 'A member records the hours they served at an activity (once per activity; changeable until confirmed).',
    input: z.object({ activityId: recordId, hours, note: plainText(200).or(z.literal('')) }).strict(),
    output: volunteerActivityView,
  }),
  'volunteer.confirm': action({
    summary: "The organiser (or the secretary) confirms (possibly correcting the hours) or rejects a member's hours — never their own; confirmed hours earn points per hour once.",
    input: z.object({ recordId, approve: z.boolean(), hours: hours.nullable() }).strict(),
    output: volunteerActivityView,
  }),
  'volunteer.hours': action({
    summary: 'Confirmed hours per member for a year (the whole branch for the secretary, else the caller).',
    input: z.object({ year: z.number().int().min(2020).max(2100).optional() }).strict(),
    output: z.object({ year: z.number().int(), members: z.array(z.object({ id: z.string(), name: z.string(), hours: z.number(), activities: z.number().int() })) }),
  }),
} as const;
