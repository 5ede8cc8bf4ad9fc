/** Actions of the `note` function: 学习心得 — members' study notes, the branch's feed, likes and comments. */
import { z } from 'zod';
import { plainText, recordId, requestId, storedFile } from '../../domain/text';
import { NOTE_RULE } from '../../domain/study';
import { action } from '../action';

export const noteView = z.object({
  id: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  text: z.string(),
  imageUrls: z.array(z.string()),
  lesson: z.object({ id: z.string(), title: z.string() }).nullable(),
  push: z.object({ id: z.string(), title: z.string() }).nullable(),
  featured: z.boolean(),
  likes: z.number().int(),
  likedByMe: z.boolean(),
  comments: z.number().int(),
  createdAt: z.string(),
});
export type NoteView = z.infer<typeof noteView>;

export const commentView = z.object({ id: z.string(), author: z.object({ id: z.string(), name: z.string() }), text: z.string(), createdAt: z.string() });
export type CommentView = z.infer<typeof commentView>;

export const noteActions = {
  'note.submit': action({
    summary: 'A member posts a study note; the content check runs first; a retried submission (same requestId) gives the same note.',
    input: z
      .object({
        requestId,
        text: plainText(NOTE_RULE.maxLength, { min: NOTE_RULE.minLength, multiline: true }),
        images: z.array(storedFile).max(NOTE_RULE.maxImages, `最多 ${NOTE_RULE.maxImages} 张图片`),
        lessonId: recordId.nullable(),
        pushId: recordId.nullable(),
      })
      .strict(),
    output: noteView,
  }),
  'note.feed': action({
    summary: "The branch's notes, newest first (featured only if asked), a page at a time.",
    input: z.object({ featured: z.boolean().optional(), before: z.string().datetime().optional() }).strict(),
    output: z.object({ items: z.array(noteView), more: z.boolean() }),
  }),
  'note.mine': action({
    summary: "The caller's own notes, newest first.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(noteView) }),
  }),
  'note.get': action({
    summary: 'One note of the branch with its comments.',
    input: z.object({ noteId: recordId }).strict(),
    output: z.object({ note: noteView, comments: z.array(commentView) }),
  }),
  'note.like': action({
    summary: 'Like or unlike a note of the branch; repeating it changes nothing.',
    input: z.object({ noteId: recordId, liked: z.boolean() }).strict(),
    output: z.object({ likes: z.number().int(), likedByMe: z.boolean() }),
  }),
  'note.comment': action({
    summary: 'Comment on a note of the branch (content-checked; a retried comment counts once).',
    input: z.object({ noteId: recordId, requestId, text: plainText(300, { min: 2, multiline: true }) }).strict(),
    output: commentView,
  }),
  'note.feature': action({
    summary: 'The secretary features a note (精选): it is marked for the branch and the author earns the extra points.',
    input: z.object({ noteId: recordId }).strict(),
    output: noteView,
  }),
} as const;
