/** Stored shapes of the `lesson` function: lessons and each member's viewing of one. */
import { z } from 'zod';
import { LESSON_STATUSES } from '../../shared/domain/study';

export const lessonDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  title: z.string(),
  summary: z.string(),
  speakerId: z.string(),
  speakerName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  video: z.string(),
  cover: z.string().nullable(),
  durationSeconds: z.number(),
  status: z.enum(LESSON_STATUSES),
  createdBy: z.string(),
  createdAt: z.date(),
  publishedAt: z.date().nullable(),
  /** The mini-program code (local: QR of the H5 URL) that opens the lesson, made at publishing. */
  qrFileId: z.string().nullable(),
});
export type LessonDoc = z.infer<typeof lessonDoc>;

/** `_id` = `<lessonId>:<memberId>`: one per member and lesson. */
export const watchDoc = z.object({
  _id: z.string(),
  lessonId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  segments: z.array(z.tuple([z.number(), z.number()])),
  sessionId: z.string().nullable(),
  lastPosition: z.number().nullable(),
  lastAt: z.number().nullable(),
  sessionStartAt: z.number().nullable(),
  sessionCredited: z.number(),
  /** Absent on watches stored before credit was bounded across sessions: counted from the next report. */
  firstAt: z.number().nullable().default(null),
  credited: z.number().default(0),
  ratio: z.number(),
  completedAt: z.date().nullable(),
  /** Set once the completion points have been awarded (the award itself is idempotent). */
  awardedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type WatchDoc = z.infer<typeof watchDoc>;

export const watchId = (lessonId: string, memberId: string) => `${lessonId}:${memberId}`;

/** Who may record lessons besides the committee: kept on the branch document. */
export const recordersDoc = z.object({ _id: z.string(), committeeId: z.string(), name: z.string(), lessonRecorderIds: z.array(z.string()).default([]) });

/** The page a lesson's code opens (the lesson id is the scene). */
export const LESSON_PAGE = 'subpackages/study/pages/lesson/index';
