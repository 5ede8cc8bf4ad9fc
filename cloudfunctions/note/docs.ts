/** Stored shapes of the `note` function: notes, likes and comments. */
import { z } from 'zod';

export const noteDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  text: z.string(),
  images: z.array(z.string()),
  lessonId: z.string().nullable(),
  lessonTitle: z.string().nullable(),
  pushId: z.string().nullable(),
  pushTitle: z.string().nullable(),
  featured: z.boolean(),
  featuredAt: z.date().nullable(),
  likeCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: z.date(),
});
export type NoteDoc = z.infer<typeof noteDoc>;

/** `_id` = `<noteId>:<memberId>`: a member likes a note at most once. */
export const likeId = (noteId: string, memberId: string) => `${noteId}:${memberId}`;
export const likeDoc = z.object({ _id: z.string(), noteId: z.string(), memberId: z.string(), at: z.date() });

export const commentDoc = z.object({
  _id: z.string(),
  noteId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  text: z.string(),
  createdAt: z.date(),
});
export type CommentDoc = z.infer<typeof commentDoc>;
