/** Actions of the `badgeCheckin` function: 徽章打卡 — a daily photo wearing the Party badge. */
import { z } from 'zod';
import { calendarDay, plainText, storedFile } from '../../domain/text';
import { action } from '../action';

export const checkinView = z.object({
  day: z.string(),
  at: z.string(),
  member: z.object({ id: z.string(), name: z.string() }),
  photoUrl: z.string().nullable(),
  place: z.string().nullable(),
});
export type CheckinView = z.infer<typeof checkinView>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11');

export const badgeCheckinActions = {
  'badgeCheckin.submit': action({
    summary: "Today's check-in (a China calendar day): a camera photo showing the badge (image-checked), optional place; once a day.",
    input: z
      .object({
        photo: storedFile,
        location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180), name: plainText(60).nullable() }).strict().nullable(),
      })
      .strict(),
    output: z.object({ checkin: checkinView, alreadyToday: z.boolean(), streak: z.number().int() }),
  }),
  'badgeCheckin.mine': action({
    summary: "The caller's streak, whether today is done, and the days checked in in a month (default this month).",
    input: z.object({ month: month.optional() }).strict(),
    output: z.object({ today: z.string(), checkedToday: z.boolean(), streak: z.number().int(), month: z.string(), days: z.array(z.string()), total: z.number().int() }),
  }),
  'badgeCheckin.wall': action({
    summary: "Today's check-in wall of the branch (default today).",
    input: z.object({ day: calendarDay.optional() }).strict(),
    output: z.object({ day: z.string(), items: z.array(checkinView), members: z.number().int() }),
  }),
  'badgeCheckin.rates': action({
    summary: 'Check-in rates per member and per group over a period of China days (secretary).',
    input: z
      .object({ from: calendarDay, to: calendarDay })
      .strict()
      .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
      branch: z.object({ rate: z.number() }),
      groups: z.array(z.object({ id: z.string().nullable(), name: z.string(), members: z.number().int(), rate: z.number() })),
      members: z.array(z.object({ id: z.string(), name: z.string(), group: z.string().nullable(), checkins: z.number().int(), rate: z.number() })),
    }),
  }),
} as const;
