/**
 * Cloud function `note`: 学习心得. A member posts a note (content-checked before anything is
 * written; the phone's request id makes a retried submission the same note), the branch
 * reads, likes and comments, and the secretary features good ones (精选) for extra points.
 */
import type { ActionInput, ActionOutput, CommentView, NoteView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc, type MemberDoc } from '../../shared/domain/org';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { requireImages } from '../_shared/content';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { award, ensureAwarded, type AwardRequest } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { getById, getInBranch, idFor, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';
import { lessonDoc } from '../lesson/docs';
import { pushDoc } from '../studyPush/docs';
import { commentDoc, likeDoc, likeId, noteDoc, type CommentDoc, type NoteDoc } from './docs';

const PAGE = 20;

async function views(db: Database, docs: readonly NoteDoc[], viewerId: string): Promise<NoteView[]> {
  const urls = await tempUrls(docs.flatMap((d) => d.images));
  const liked = new Set<string>();
  if (docs.length) {
    const _ = db.command;
    const { data } = await db.collection(COLLECTIONS.noteLikes).where({ _id: _.in(docs.map((d) => likeId(d._id, viewerId))) }).limit(1000).get();
    for (const row of data as unknown[]) liked.add(likeDoc.parse(row).noteId);
  }
  return docs.map((d) => ({
    id: d._id,
    author: { id: d.memberId, name: d.memberName },
    text: d.text,
    imageUrls: d.images.flatMap((id) => (urls.has(id) ? [urls.get(id) as string] : [])),
    lesson: d.lessonId && d.lessonTitle ? { id: d.lessonId, title: d.lessonTitle } : null,
    push: d.pushId && d.pushTitle ? { id: d.pushId, title: d.pushTitle } : null,
    featured: d.featured,
    likes: d.likeCount,
    likedByMe: liked.has(d._id),
    comments: d.commentCount,
    createdAt: d.createdAt.toISOString(),
  }));
}

const commentView = (c: CommentDoc): CommentView => ({ id: c._id, author: { id: c.memberId, name: c.memberName }, text: c.text, createdAt: c.createdAt.toISOString() });

const noteAward = (member: MemberDoc, note: NoteDoc): AwardRequest => ({ member, rule: 'noteWritten', source: note._id, label: '发表学习心得', at: note.createdAt });

async function submit(input: ActionInput<'note.submit'>, ctx: ActionContext): Promise<ActionOutput<'note.submit'>> {
  const { db, member, now } = asMember(ctx);
  const id = idFor('note', member._id, input.requestId);
  const existing = await getById(db, COLLECTIONS.notes, id, noteDoc);
  if (existing) {
    // A retry: the first call may have stored the note and died before its award.
    await ensureAwarded(db, await rulesFor(db, member.committeeId), noteAward(member, existing));
    return (await views(db, [existing], member._id))[0];
  }
  await requireImages(asMember(ctx), input.images, { folder: `notes/${member._id}`, field: 'images', notOwn: '图片不属于您，请重新上传' });
  const lesson = input.lessonId ? await getById(db, COLLECTIONS.lessons, input.lessonId, lessonDoc) : null;
  if (input.lessonId && (!lesson || lesson.status !== 'published' || lesson.committeeId !== member.committeeId)) throw new AppError('NOT_FOUND', '党课不存在');
  const push = input.pushId ? await getInBranch(db, COLLECTIONS.studyPushes, input.pushId, pushDoc, member.branchId, '学习要点不存在') : null;
  if (push && !push.targetIds.includes(member._id)) throw new AppError('NOT_FOUND', '学习要点不存在');
  const doc: NoteDoc = {
    _id: id,
    committeeId: member.committeeId,
    branchId: member.branchId,
    memberId: member._id,
    memberName: member.name,
    text: input.text,
    images: input.images,
    lessonId: lesson?._id ?? null,
    lessonTitle: lesson?.title ?? null,
    pushId: push?._id ?? null,
    pushTitle: push?.title ?? null,
    featured: false,
    featuredAt: null,
    likeCount: 0,
    commentCount: 0,
    createdAt: now,
  };
  const stored = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.notes).doc(id).get();
    if (data) return noteDoc.parse({ _id: id, ...(data as object) });
    await t.collection(COLLECTIONS.notes).doc(id).set(withoutId(doc));
    return doc;
  });
  await award(db, await rulesFor(db, member.committeeId), noteAward(member, stored));
  return (await views(db, [stored], member._id))[0];
}

async function feed(input: ActionInput<'note.feed'>, ctx: ActionContext): Promise<ActionOutput<'note.feed'>> {
  const { db, member } = asMember(ctx);
  const _ = db.command;
  const filter: Record<string, unknown> = { branchId: member.branchId };
  if (input.featured) filter.featured = true;
  if (input.before) filter.createdAt = _.lt(new Date(input.before));
  const { data } = await db.collection(COLLECTIONS.notes).where(filter).orderBy('createdAt', 'desc').limit(PAGE + 1).get();
  const docs = (data as unknown[]).map((row) => noteDoc.parse(row));
  return { items: await views(db, docs.slice(0, PAGE), member._id), more: docs.length > PAGE };
}

async function mine(_input: ActionInput<'note.mine'>, ctx: ActionContext): Promise<ActionOutput<'note.mine'>> {
  const { db, member } = asMember(ctx);
  const { data } = await db.collection(COLLECTIONS.notes).where({ memberId: member._id }).orderBy('createdAt', 'desc').limit(200).get();
  return { items: await views(db, (data as unknown[]).map((row) => noteDoc.parse(row)), member._id) };
}

async function get(input: ActionInput<'note.get'>, ctx: ActionContext): Promise<ActionOutput<'note.get'>> {
  const { db, member } = asMember(ctx);
  const note = await getInBranch(db, COLLECTIONS.notes, input.noteId, noteDoc, member.branchId, '心得不存在');
  const { data } = await db.collection(COLLECTIONS.noteComments).where({ noteId: note._id }).orderBy('createdAt', 'asc').limit(500).get();
  return { note: (await views(db, [note], member._id))[0], comments: (data as unknown[]).map((row) => commentView(commentDoc.parse(row))) };
}

async function like(input: ActionInput<'note.like'>, ctx: ActionContext): Promise<ActionOutput<'note.like'>> {
  const { db, member, now } = asMember(ctx);
  const note = await getInBranch(db, COLLECTIONS.notes, input.noteId, noteDoc, member.branchId, '心得不存在');
  const id = likeId(note._id, member._id);
  return inTransaction(db, async (t) => {
    const [{ data: existing }, { data: current }] = [await t.collection(COLLECTIONS.noteLikes).doc(id).get(), await t.collection(COLLECTIONS.notes).doc(note._id).get()];
    const likes = noteDoc.parse({ _id: note._id, ...(current as object) }).likeCount;
    if (Boolean(existing) === input.liked) return { likes, likedByMe: input.liked };
    if (input.liked) await t.collection(COLLECTIONS.noteLikes).doc(id).set({ noteId: note._id, memberId: member._id, at: now });
    else await t.collection(COLLECTIONS.noteLikes).doc(id).delete();
    const next = Math.max(0, likes + (input.liked ? 1 : -1));
    await t.collection(COLLECTIONS.notes).doc(note._id).update({ likeCount: next });
    return { likes: next, likedByMe: input.liked };
  });
}

async function comment(input: ActionInput<'note.comment'>, ctx: ActionContext): Promise<ActionOutput<'note.comment'>> {
  const { db, member, now } = asMember(ctx);
  const note = await getInBranch(db, COLLECTIONS.notes, input.noteId, noteDoc, member.branchId, '心得不存在');
  const id = idFor('nc', member._id, input.requestId);
  const existing = await getById(db, COLLECTIONS.noteComments, id, commentDoc);
  if (existing) return commentView(existing);
  const doc: CommentDoc = { _id: id, noteId: note._id, branchId: note.branchId, memberId: member._id, memberName: member.name, text: input.text, createdAt: now };
  return inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.noteComments).doc(id).get();
    if (data) return commentView(commentDoc.parse({ _id: id, ...(data as object) }));
    await t.collection(COLLECTIONS.noteComments).doc(id).set(withoutId(doc));
    await t.collection(COLLECTIONS.notes).doc(note._id).update({ commentCount: db.command.inc(1) });
    return commentView(doc);
  });
}

async function feature(input: ActionInput<'note.feature'>, ctx: ActionContext): Promise<ActionOutput<'note.feature'>> {
  const { db, member: actor, now } = asMember(ctx);
  const note = await getInBranch(db, COLLECTIONS.notes, input.noteId, noteDoc, actor.branchId, '心得不存在');
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.notes).doc(note._id).get();
    const current = noteDoc.parse({ _id: note._id, ...(data as object) });
    if (current.featured) return current;
    const next: NoteDoc = { ...current, featured: true, featuredAt: now };
    await t.collection(COLLECTIONS.notes).doc(note._id).update({ featured: true, featuredAt: now });
    await audit(t, actor, now, { action: 'note.feature', targetType: 'note', targetId: note._id, branchId: actor.branchId, before: { featured: false }, after: { featured: true, author: note.memberName } });
    return next;
  });
  const author = await getById(db, COLLECTIONS.members, note.memberId, memberDoc);
  // The author may have moved branch since; the points follow the member.
  if (author?.branchId) await award(db, await rulesFor(db, actor.committeeId), { member: author, rule: 'noteFeatured', source: note._id, label: '学习心得被评为精选', at: now });
  return (await views(db, [after], actor._id))[0];
}

export const main = defineFunction('note')({ submit, feed, mine, get, like, comment, feature });

