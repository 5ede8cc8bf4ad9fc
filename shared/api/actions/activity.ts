/** Actions of the `activity` function: 主题党日 — themed Party days with sign-up, QR sign-in, photos and summary. */
import { z } from 'zod';
import { plainText, recordId, storedFile } from '../../domain/text';
import { action } from '../action';

export const activityView = z.object({
  id: z.string(),
  theme: z.string(),
  startsAt: z.string(),
  place: z.string(),
  detail: z.string(),
  /** 0: no limit. */
  capacity: z.number().int(),
  /** 重温入党誓词 is part of it. */
  oath: z.boolean(),
  signedUp: z.number().int(),
  present: z.number().int(),
  mine: z.object({ signedUp: z.boolean(), present: z.boolean(), oath: z.boolean() }),
  summary: z.object({ text: z.string(), photoUrls: z.array(z.string()), at: z.string() }).nullable(),
  past: z.boolean(),
});
export type ActivityView = z.infer<typeof activityView>;

export const activityActions = {
  'activity.create': action({
    summary: 'The secretary creates a themed Party day: theme, time, place, capacity, whether the oath is part of it.',
    input: z
      .object({
        theme: plainText(40, { min: 2 }),
        startsAt: z.string().datetime({ offset: true }),
        place: plainText(60),
        detail: plainText(2000, { multiline: true }),
        capacity: z.number().int().min(0).max(1000),
        oath: z.boolean(),
      })
      .strict(),
    output: activityView,
  }),
  'activity.list': action({
    summary: "The branch's activities: upcoming first, then past ones with their photos.",
    input: z.object({}).strict(),
    output: z.object({ upcoming: z.array(activityView), past: z.array(activityView) }),
  }),
  'activity.get': action({
    summary: 'One activity; the secretary also gets who signed up and who came.',
    input: z.object({ activityId: recordId }).strict(),
    output: z.object({
      activity: activityView,
      people: z.array(z.object({ id: z.string(), name: z.string(), signedUp: z.boolean(), present: z.boolean() })).nullable(),
    }),
  }),
  'activity.signUp': action({
    summary: 'Sign up for (or withdraw from) an upcoming activity; a full activity refuses more.',
    input: z.object({ activityId: recordId, going: z.boolean() }).strict(),
    output: activityView,
  }),
  'activity.signInCode': action({
    summary: 'The rotating sign-in QR shown on site (secretary); each token is valid 60 s and only for this activity.',
    input: z.object({ activityId: recordId }).strict(),
    output: z.object({ token: z.string(), qrUrl: z.string(), page: z.string(), expiresAt: z.string() }),
  }),
  'activity.signIn': action({
    summary: 'A member scans the sign-in QR: attendance (and oath participation) once, points once.',
    input: z.object({ token: z.string().min(10).max(64) }).strict(),
    output: z.object({ activity: activityView, alreadySignedIn: z.boolean() }),
  }),
  'activity.saveSummary': action({
    summary: 'The secretary records the summary and photos after the activity.',
    input: z.object({ activityId: recordId, text: plainText(3000, { min: 10, multiline: true }), photos: z.array(storedFile).max(18) }).strict(),
    output: activityView,
  }),
} as const;
