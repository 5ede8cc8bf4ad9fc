/**
 * Cloud function `lesson`: 微型党课. A committee member (or someone the secretary allows)
 * submits a recorded lesson; the secretary publishes it, which makes its mini-program code
 * for the WeChat study group and awards the speaker. Anyone who scans the code can watch;
 * members' playback reports are judged by shared/study/watch.ts and completion earns points once.
 */
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc, unitDoc, type MemberDoc } from '../../shared/domain/org';
import { applyReport, EMPTY_WATCH, isComplete, watchedRatio } from '../../shared/study/watch';
import { audit } from '../_shared/audit';
import { cloud } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { requireFolder, tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award, ensureAwarded, type AwardRequest } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';
import { wechat } from '../_shared/wechat';
import { LESSON_PAGE, lessonDoc, recordersDoc, watchDoc, watchId, type LessonDoc, type WatchDoc } from './docs';
import { lessonViews, myWatches } from './views';

const INVITE_MESSAGE = '加入支部后，学习记录和积分才会保存。请向支部书记索取邀请码，在「我的」页面填写。';

async function branchOf(ctx: ActionContext, branchId: string) {
  const branch = await getById(ctx.db, COLLECTIONS.branches, branchId, recordersDoc);
  if (!branch) throw new AppError('NOT_FOUND', '支部不存在');
  return branch;
}

function mayRecord(member: MemberDoc, recorderIds: readonly string[]): boolean {
  return member.roles.includes('committeeMember') || member.roles.includes('secretary') || recorderIds.includes(member._id);
}

/** A lesson of the caller's branch; drafts only for the secretary, the speaker and whoever submitted it. */
async function lessonInBranch(ctx: ActionContext, lessonId: string): Promise<LessonDoc> {
  const { db, member } = asMember(ctx);
  const lesson = await getInBranch(db, COLLECTIONS.lessons, lessonId, lessonDoc, member.branchId, '党课不存在');
  if (!visible(lesson, member)) throw new AppError('NOT_FOUND', '党课不存在');
  return lesson;
}

function visible(lesson: LessonDoc, member: MemberDoc | null): boolean {
  if (lesson.status === 'published') return member === null || member.committeeId === lesson.committeeId;
  if (!member || member.branchId !== lesson.branchId) return false;
  return member.roles.includes('secretary') || member._id === lesson.speakerId || member._id === lesson.createdBy;
}

async function create(input: ActionInput<'lesson.create'>, ctx: ActionContext): Promise<ActionOutput<'lesson.create'>> {
  const { db, member, now } = asMember(ctx);
  const branch = await branchOf(ctx, member.branchId);
  if (!mayRecord(member, branch.lessonRecorderIds)) throw new AppError('FORBIDDEN', '支部委员或经书记允许的党员才能录制党课');
  const speaker = await getInBranch(db, COLLECTIONS.members, input.speakerId, memberDoc, member.branchId, '主讲人不存在');
  const unit = input.unitId ? await getInBranch(db, COLLECTIONS.units, input.unitId, unitDoc, member.branchId, '岗区队不存在') : null;
  requireFolder([input.video], `lessons/${member.branchId}`, 'video', '视频不属于本支部，请重新上传');
  if (input.cover) await requireImages(asMember(ctx), [input.cover], { folder: `lessons/${member.branchId}`, field: 'cover', notOwn: '封面不属于本支部，请重新上传' });
  const doc: LessonDoc = {
    _id: newId('les'),
    committeeId: member.committeeId,
    branchId: member.branchId,
    branchName: branch.name,
    title: input.title,
    summary: input.summary,
    speakerId: speaker._id,
    speakerName: speaker.name,
    unitId: unit?._id ?? null,
    unitName: unit?.name ?? null,
    video: input.video,
    cover: input.cover,
    durationSeconds: input.durationSeconds,
    status: 'draft',
    createdBy: member._id,
    createdAt: now,
    publishedAt: null,
    qrFileId: null,
  };
  await db.collection(COLLECTIONS.lessons).doc(doc._id).set(withoutId(doc));
  return (await lessonViews([doc], new Map()))[0];
}

async function list(input: ActionInput<'lesson.list'>, ctx: ActionContext): Promise<ActionOutput<'lesson.list'>> {
  const { db, member } = asMember(ctx);
  const [branch, all] = await Promise.all([
    branchOf(ctx, member.branchId),
    db.collection(COLLECTIONS.lessons).where({ branchId: member.branchId }).orderBy('createdAt', 'desc').limit(1000).get(),
  ]);
  let docs = (all.data as unknown[]).map((row) => lessonDoc.parse(row)).filter((l) => visible(l, member));
  if (input.status) docs = docs.filter((l) => l.status === input.status);
  if (input.speakerId) docs = docs.filter((l) => l.speakerId === input.speakerId);
  if (input.unitId) docs = docs.filter((l) => l.unitId === input.unitId);
  const watches = await myWatches(db, member._id, docs.map((l) => l._id));
  if (input.watched) docs = docs.filter((l) => Boolean(watches.get(l._id)?.completedAt) === (input.watched === 'watched'));
  return { items: await lessonViews(docs, watches), mayRecord: mayRecord(member, branch.lessonRecorderIds), recorderIds: branch.lessonRecorderIds };
}

async function view(input: ActionInput<'lesson.view'>, ctx: ActionContext): Promise<ActionOutput<'lesson.view'>> {
  const lesson = await getById(ctx.db, COLLECTIONS.lessons, input.lessonId, lessonDoc);
  if (!lesson || !visible(lesson, ctx.member)) throw new AppError('NOT_FOUND', '党课不存在');
  const watches = ctx.member ? await myWatches(ctx.db, ctx.member._id, [lesson._id]) : null;
  const [view] = await lessonViews([lesson], watches);
  const urls = await tempUrls([lesson.video]);
  const videoUrl = urls.get(lesson.video);
  if (!videoUrl) throw new AppError('NOT_FOUND', '视频已被删除');
  return { lesson: view, videoUrl, invite: ctx.member ? null : { branchName: lesson.branchName, message: INVITE_MESSAGE } };
}

async function progress(input: ActionInput<'lesson.progress'>, ctx: ActionContext): Promise<ActionOutput<'lesson.progress'>> {
  const { db, member, now } = asMember(ctx);
  const lesson = await getById(db, COLLECTIONS.lessons, input.lessonId, lessonDoc);
  if (!lesson || lesson.status !== 'published' || lesson.committeeId !== member.committeeId) throw new AppError('NOT_FOUND', '党课不存在');
  const id = watchId(lesson._id, member._id);
  const { after, justCompleted } = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.lessonWatches).doc(id).get();
    const before: WatchDoc = data
      ? watchDoc.parse({ _id: id, ...(data as object) })
      : { _id: id, lessonId: lesson._id, branchId: lesson.branchId, memberId: member._id, memberName: member.name, ...EMPTY_WATCH, ratio: 0, completedAt: null, awardedAt: null, updatedAt: now };
    const state = applyReport(before, { sessionId: input.sessionId, position: input.position, at: now.getTime() }, lesson.durationSeconds);
    const complete = before.completedAt !== null || isComplete(state, lesson.durationSeconds);
    const next: WatchDoc = {
      ...before,
      ...state,
      ratio: watchedRatio(state, lesson.durationSeconds),
      completedAt: before.completedAt ?? (complete ? now : null),
      updatedAt: now,
    };
    await t.collection(COLLECTIONS.lessonWatches).doc(id).set(withoutId(next));
    return { after: next, justCompleted: before.completedAt === null && next.completedAt !== null };
  });
  if (after.completedAt && !after.awardedAt) {
    // Idempotent per (rule, member, lesson): a retry after a failure here awards once.
    await award(db, await rulesFor(db, member.committeeId), { member, rule: 'lessonCompleted', source: lesson._id, label: `学完《${lesson.title}》`, at: after.completedAt });
    await db.collection(COLLECTIONS.lessonWatches).doc(id).update({ awardedAt: now });
  }
  return { watchedRatio: after.ratio, completed: after.completedAt !== null, justCompleted };
}

async function publish(input: ActionInput<'lesson.publish'>, ctx: ActionContext): Promise<ActionOutput<'lesson.publish'>> {
  const { db, member: actor, now } = asMember(ctx);
  const lesson = await lessonInBranch(ctx, input.lessonId);
  const speaker = await getInBranch(db, COLLECTIONS.members, lesson.speakerId, memberDoc, actor.branchId, '主讲人不存在');
  const given = (at: Date): AwardRequest => ({ member: speaker, rule: 'lessonGiven', source: lesson._id, label: `讲授《${lesson.title}》`, at });
  if (lesson.status === 'published') {
    // Published already: a retry of a call that died before the speaker's award completes it, then refuses.
    await ensureAwarded(db, await rulesFor(db, actor.committeeId), given(lesson.publishedAt ?? now));
    throw new AppError('CONFLICT', '该党课已发布');
  }
  const png = await wechat().miniProgramCode({ scene: lesson._id, page: LESSON_PAGE, width: 430 });
  const { fileID } = await cloud().uploadFile({ cloudPath: `lessons/${lesson.branchId}/qr/${lesson._id}.png`, fileContent: png });
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.lessons).doc(lesson._id).get();
    const current = lessonDoc.parse({ _id: lesson._id, ...(data as object) });
    if (current.status === 'published') throw new AppError('CONFLICT', '该党课已发布');
    const next: LessonDoc = { ...current, status: 'published', publishedAt: now, qrFileId: fileID };
    await t.collection(COLLECTIONS.lessons).doc(lesson._id).set(withoutId(next));
    await audit(t, actor, now, { action: 'lesson.publish', targetType: 'lesson', targetId: lesson._id, branchId: actor.branchId, before: { status: 'draft' }, after: { status: 'published', title: lesson.title } });
    return next;
  });
  await award(db, await rulesFor(db, actor.committeeId), given(now));
  return (await lessonViews([after], await myWatches(db, actor._id, [after._id])))[0];
}

async function poster(input: ActionInput<'lesson.poster'>, ctx: ActionContext): Promise<ActionOutput<'lesson.poster'>> {
  const { db, member } = asMember(ctx);
  const lesson = await lessonInBranch(ctx, input.lessonId);
  if (lesson.status !== 'published' || !lesson.qrFileId) throw new AppError('CONFLICT', '党课发布后才有二维码');
  const [[view], urls] = await Promise.all([lessonViews([lesson], await myWatches(db, member._id, [lesson._id])), tempUrls([lesson.qrFileId])]);
  const qrUrl = urls.get(lesson.qrFileId);
  if (!qrUrl) throw new AppError('NOT_FOUND', '二维码已失效，请联系书记');
  return { lesson: view, qrUrl, page: LESSON_PAGE, scene: lesson._id };
}

async function completion(input: ActionInput<'lesson.completion'>, ctx: ActionContext): Promise<ActionOutput<'lesson.completion'>> {
  const { db, member } = asMember(ctx);
  const lesson = await lessonInBranch(ctx, input.lessonId);
  const [members, watches] = await Promise.all([
    findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc),
    findAll(db, COLLECTIONS.lessonWatches, { lessonId: lesson._id }, watchDoc),
  ]);
  const byMember = new Map(watches.map((w) => [w.memberId, w]));
  const result: ActionOutput<'lesson.completion'> = { lesson: (await lessonViews([lesson], null))[0], completed: [], inProgress: [], notStarted: [] };
  for (const m of members.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    const w = byMember.get(m._id);
    if (w?.completedAt) result.completed.push({ id: m._id, name: m.name, at: w.completedAt.toISOString() });
    else if (w && w.ratio > 0) result.inProgress.push({ id: m._id, name: m.name, watchedRatio: w.ratio });
    else result.notStarted.push({ id: m._id, name: m.name });
  }
  return result;
}

async function setRecorder(input: ActionInput<'lesson.setRecorder'>, ctx: ActionContext): Promise<ActionOutput<'lesson.setRecorder'>> {
  const { db, member: actor, now } = asMember(ctx);
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, actor.branchId, '成员不存在');
  return inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.branches).doc(actor.branchId).get();
    const branch = recordersDoc.parse({ _id: actor.branchId, ...(data as object) });
    const without = branch.lessonRecorderIds.filter((id) => id !== target._id);
    const recorderIds = input.allowed ? [...without, target._id] : without;
    await t.collection(COLLECTIONS.branches).doc(actor.branchId).update({ lessonRecorderIds: recorderIds });
    await audit(t, actor, now, { action: 'lesson.setRecorder', targetType: 'member', targetId: target._id, branchId: actor.branchId, before: { allowed: branch.lessonRecorderIds.includes(target._id) }, after: { allowed: input.allowed, name: target.name } });
    return { recorderIds };
  });
}

export const main = defineFunction('lesson')({ create, list, view, progress, publish, poster, completion, setRecorder });
