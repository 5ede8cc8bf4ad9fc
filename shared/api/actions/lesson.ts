/** Actions of the `lesson` function: 微型党课 — micro-lessons recorded, published, scanned and watched. */
import { z } from 'zod';
import { plainText, recordId, storedFile } from '../../domain/text';
import { LESSON_STATUSES } from '../../domain/study';
import { action } from '../action';

export const lessonView = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  speaker: z.object({ id: z.string(), name: z.string() }),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  branchName: z.string(),
  durationSeconds: z.number(),
  status: z.enum(LESSON_STATUSES),
  coverUrl: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** The caller's viewing (null for someone not yet a member). */
  mine: z.object({ watchedRatio: z.number(), completed: z.boolean() }).nullable(),
});
export type LessonView = z.infer<typeof lessonView>;

export const lessonActions = {
  'lesson.create': action({
    summary: 'A committee member (or someone the secretary allows) submits a recorded micro-lesson; the secretary publishes it.',
    input: z
      .object({
        title: plainText(40, { min: 4 }),
        summary: plainText(300, { multiline: true }),
        speakerId: recordId,
        unitId: recordId.nullable(),
        video: storedFile,
        cover: storedFile.nullable(),
        /** From the phone's video picker; the secretary sees the video before publishing. */
        durationSeconds: z.number().int().min(3, '视频太短').max(2 * 3600, '视频不能超过 2 小时'),
      })
      .strict(),
    output: lessonView,
  }),
  'lesson.list': action({
    summary: "The branch's micro-lessons with the caller's progress; filters by speaker, unit, watched. Drafts only for the secretary and the speaker.",
    input: z
      .object({ speakerId: recordId.optional(), unitId: recordId.optional(), watched: z.enum(['watched', 'unwatched']).optional(), status: z.enum(LESSON_STATUSES).optional() })
      .strict(),
    output: z.object({ items: z.array(lessonView), mayRecord: z.boolean(), recorderIds: z.array(z.string()) }),
  }),
  'lesson.view': action({
    summary: 'One lesson opened from its QR code, by any member of the company or someone not yet signed up; the video URL to play.',
    input: z.object({ lessonId: recordId }).strict(),
    output: z.object({
      lesson: lessonView,
      videoUrl: z.string(),
      /** Present when the caller is not a member: where to join so watching counts. */
      invite: z.object({ branchName: z.string(), message: z.string() }).nullable(),
    }),
  }),
  'lesson.progress': action({
    summary: "Playback reports the position; the server credits only really watched stretches at plausible speed and awards points once at 80%.",
    input: z
      .object({
        lessonId: recordId,
        /** A new id each time playback starts, so two players never chain their positions. */
        sessionId: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/),
        position: z.number().min(0).max(4 * 3600),
      })
      .strict(),
    output: z.object({ watchedRatio: z.number(), completed: z.boolean(), justCompleted: z.boolean() }),
  }),
  'lesson.publish': action({
    summary: 'The secretary publishes a submitted lesson: it gets its QR code, members see it and the speaker earns the points.',
    input: z.object({ lessonId: recordId }).strict(),
    output: lessonView,
  }),
  'lesson.poster': action({
    summary: "What the lesson's poster shows: title, speaker, cover and the QR code that opens the lesson.",
    input: z.object({ lessonId: recordId }).strict(),
    output: z.object({ lesson: lessonView, qrUrl: z.string(), page: z.string(), scene: z.string() }),
  }),
  'lesson.completion': action({
    summary: 'Who has completed a lesson, who is part way and who has not started (secretary).',
    input: z.object({ lessonId: recordId }).strict(),
    output: z.object({
      lesson: lessonView,
      completed: z.array(z.object({ id: z.string(), name: z.string(), at: z.string() })),
      inProgress: z.array(z.object({ id: z.string(), name: z.string(), watchedRatio: z.number() })),
      notStarted: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  }),
  'lesson.setRecorder': action({
    summary: 'The secretary allows (or stops allowing) a member who is not on the committee to record micro-lessons.',
    input: z.object({ memberId: recordId, allowed: z.boolean() }).strict(),
    output: z.object({ recorderIds: z.array(z.string()) }),
  }),
} as const;
