/**
 * Cloud function `studyPush`: 学习要点, the "fingertip study garden". The secretary writes a
 * study point for the branch or some Party groups, now or at a set time; the timer trigger
 * (config.json) sends the scheduled ones. Members who accepted a subscribe message get a
 * notice; reading to the end marks it read and earns points once.
 */
import type { ActionInput, ActionOutput, StudyPushView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { groupDoc, memberDoc, type MemberDoc } from '../../shared/domain/org';
import { formatChinaDateTime } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, idFor, withoutId } from '../_shared/repo';
import { addCredit, creditsOf, notify } from '../_shared/subscriptions';
import { lessonDoc } from '../lesson/docs';
import { inTransaction } from '../_shared/transaction';
import { PUSH_PAGE, pushDoc, readDoc, readId, type PushDoc } from './docs';

const MAX_AHEAD_MS = 90 * 24 * 3600 * 1000;
const PAST_SLACK_MS = 10 * 60 * 1000;

async function views(db: Database, docs: readonly PushDoc[], readerId: string | null): Promise<StudyPushView[]> {
  const urls = await tempUrls(docs.flatMap((d) => d.images));
  const read = new Set<string>();
  if (readerId && docs.length) {
    const _ = db.command;
    const { data } = await db.collection(COLLECTIONS.pushReads).where({ _id: _.in(docs.map((d) => readId(d._id, readerId))) }).limit(1000).get();
    for (const row of data as unknown[]) read.add(readDoc.parse(row).pushId);
  }
  return docs.map((d) => ({
    id: d._id,
    title: d.title,
    body: d.body,
    imageUrls: d.images.flatMap((id) => (urls.has(id) ? [urls.get(id) as string] : [])),
    lesson: d.lessonId && d.lessonTitle ? { id: d.lessonId, title: d.lessonTitle } : null,
    groups: d.groupIds.map((id, i) => ({ id, name: d.groupNames[i] ?? '' })),
    sendAt: d.sendAt.toISOString(),
    status: d.status,
    author: d.authorName,
    read: read.has(d._id),
  }));
}

/** Members a push goes to: the branch, or the members of its groups. */
async function targetsOf(db: Database, branchId: string, groupIds: readonly string[]): Promise<MemberDoc[]> {
  const members = await findAll(db, COLLECTIONS.members, { branchId }, memberDoc);
  return groupIds.length ? members.filter((m) => m.groupId !== null && groupIds.includes(m.groupId)) : members;
}

/** Marks a due push sent (once, even if the timer and a send race) and notifies its subscribers. */
async function deliver(db: Database, push: PushDoc, now: Date): Promise<number> {
  const targets = await targetsOf(db, push.branchId, push.groupIds);
  const claimed = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.studyPushes).doc(push._id).get();
    const current = pushDoc.parse({ _id: push._id, ...(data as object) });
    if (current.status === 'sent') return false;
    await t.collection(COLLECTIONS.studyPushes).doc(push._id).update({ status: 'sent', sentAt: now, targetIds: targets.map((m) => m._id) });
    return true;
  });
  if (!claimed) return 0;
  const sent = await notify(
    db,
    'studyPush',
    targets.map((m) => ({ memberId: m._id, openid: m.openid })),
    {
      page: `${PUSH_PAGE}?id=${push._id}`,
      fields: { title: push.title, sender: push.authorName, time: formatChinaDateTime(push.sendAt) },
    },
    now,
  );
  await db.collection(COLLECTIONS.studyPushes).doc(push._id).update({ notified: sent });
  return sent;
}

/** A push the caller may open: sent to them (the secretary sees every push of the branch). */
async function visiblePush(ctx: ActionContext, pushId: string): Promise<PushDoc> {
  const { db, member, now } = asMember(ctx);
  const push = await getInBranch(db, COLLECTIONS.studyPushes, pushId, pushDoc, member.branchId, '学习要点不存在');
  if (member.roles.includes('secretary')) return push;
  if (push.sendAt > now || !push.targetIds.includes(member._id)) throw new AppError('NOT_FOUND', '学习要点不存在');
  return push;
}

async function send(input: ActionInput<'studyPush.send'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.send'>> {
  const { db, member: actor, now } = asMember(ctx);
  const sendAt = input.sendAt ? new Date(input.sendAt) : now;
  if (sendAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw new AppError('INVALID_INPUT', '定时发送最多提前 90 天', { sendAt: '定时发送最多提前 90 天' });
  // A time already past is sent now, but only within a phone's clock skew: 1990 is a mistake.
  if (now.getTime() - sendAt.getTime() > PAST_SLACK_MS) throw new AppError('INVALID_INPUT', '定时发送的时间已过，请重新选择', { sendAt: '定时发送的时间已过，请重新选择' });
  await requireImages(asMember(ctx), input.images, { folder: `pushes/${actor.branchId}`, field: 'images', notOwn: '图片不属于本支部，请重新上传' });
  const groups = await Promise.all(input.groupIds.map((id) => getInBranch(db, COLLECTIONS.groups, id, groupDoc, actor.branchId, '党小组不存在')));
  const lesson = input.lessonId ? await getById(db, COLLECTIONS.lessons, input.lessonId, lessonDoc) : null;
  if (input.lessonId && (!lesson || lesson.branchId !== actor.branchId || lesson.status !== 'published')) throw new AppError('NOT_FOUND', '党课不存在或未发布');
  const id = idFor('sp', actor.branchId, input.requestId);
  const existing = await getById(db, COLLECTIONS.studyPushes, id, pushDoc);
  if (existing) return (await views(db, [existing], actor._id))[0];
  const due = sendAt.getTime() <= now.getTime();
  const doc: PushDoc = {
    _id: id,
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    title: input.title,
    body: input.body,
    images: input.images,
    lessonId: lesson?._id ?? null,
    lessonTitle: lesson?.title ?? null,
    groupIds: groups.map((g) => g._id),
    groupNames: groups.map((g) => g.name),
    targetIds: (await targetsOf(db, actor.branchId, input.groupIds)).map((m) => m._id),
    sendAt: due ? now : sendAt,
    status: 'scheduled',
    sentAt: null,
    notified: 0,
    readCount: 0,
    authorId: actor._id,
    authorName: actor.name,
    createdAt: now,
  };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.studyPushes).doc(id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'studyPush.send', targetType: 'studyPush', targetId: id, branchId: actor.branchId, before: null, after: { title: doc.title, sendAt: doc.sendAt.toISOString(), groups: doc.groupNames } });
  });
  if (due) await deliver(db, doc, now);
  const stored = (await getById(db, COLLECTIONS.studyPushes, id, pushDoc)) ?? doc;
  return (await views(db, [stored], actor._id))[0];
}

async function mine(_input: ActionInput<'studyPush.mine'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.mine'>> {
  const { db, member, now } = asMember(ctx);
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.studyPushes)
    .where({ branchId: member.branchId, targetIds: member._id, sendAt: _.lte(now) })
    .orderBy('sendAt', 'desc')
    .limit(100)
    .get();
  const items = await views(db, (data as unknown[]).map((row) => pushDoc.parse(row)), member._id);
  return { items, unread: items.filter((i) => !i.read).length };
}

async function view(input: ActionInput<'studyPush.view'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.view'>> {
  const push = await visiblePush(ctx, input.pushId);
  return (await views(ctx.db, [push], asMember(ctx).member._id))[0];
}

async function read(input: ActionInput<'studyPush.read'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.read'>> {
  const { db, member, now } = asMember(ctx);
  const push = await visiblePush(ctx, input.pushId);
  if (!push.targetIds.includes(member._id) || push.sendAt > now) throw new AppError('NOT_FOUND', '学习要点不存在');
  const id = readId(push._id, member._id);
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.pushReads).doc(id).get();
    if (data) return;
    await t.collection(COLLECTIONS.pushReads).doc(id).set({ pushId: push._id, branchId: push.branchId, memberId: member._id, memberName: member.name, at: now });
    await t.collection(COLLECTIONS.studyPushes).doc(push._id).update({ readCount: db.command.inc(1) });
  });
  // Idempotent per (rule, member, push): a retry after a failure here still awards once.
  await award(db, await rulesFor(db, member.committeeId), { member, rule: 'studyPushRead', source: push._id, label: `阅读《${push.title}》`, at: now });
  return { read: true };
}

async function list(_input: ActionInput<'studyPush.list'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.list'>> {
  const { db, member } = asMember(ctx);
  const { data } = await db.collection(COLLECTIONS.studyPushes).where({ branchId: member.branchId }).orderBy('sendAt', 'desc').limit(200).get();
  const docs = (data as unknown[]).map((row) => pushDoc.parse(row));
  const shown = await views(db, docs, member._id);
  return { items: shown.map((v, i) => ({ ...v, targets: docs[i].targetIds.length, reads: docs[i].readCount })) };
}

async function readers(input: ActionInput<'studyPush.readers'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.readers'>> {
  const { db, member } = asMember(ctx);
  const push = await getInBranch(db, COLLECTIONS.studyPushes, input.pushId, pushDoc, member.branchId, '学习要点不存在');
  const [reads, members] = await Promise.all([findAll(db, COLLECTIONS.pushReads, { pushId: push._id }, readDoc), findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc)]);
  const names = new Map(members.map((m) => [m._id, m.name]));
  const readBy = new Map(reads.map((r) => [r.memberId, r]));
  return {
    push: (await views(db, [push], member._id))[0],
    read: reads.sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => ({ id: r.memberId, name: names.get(r.memberId) ?? r.memberName, at: r.at.toISOString() })),
    unread: push.targetIds.filter((id) => !readBy.has(id)).map((id) => ({ id, name: names.get(id) ?? '已调出' })),
  };
}

async function subscribe(input: ActionInput<'studyPush.subscribe'>, ctx: ActionContext): Promise<ActionOutput<'studyPush.subscribe'>> {
  const { db, member, now } = asMember(ctx);
  if (!input.accepted) return { credits: await creditsOf(db, member._id, input.template) };
  return { credits: await addCredit(db, member._id, input.template, now) };
}

/** The timer trigger: sends every scheduled push that has come due. */
async function dispatch({ db, now }: { db: Database; now: Date }): Promise<{ delivered: number; notified: number }> {
  const _ = db.command;
  const { data } = await db.collection(COLLECTIONS.studyPushes).where({ status: 'scheduled', sendAt: _.lte(now) }).limit(100).get();
  let notified = 0;
  const due = (data as unknown[]).map((row) => pushDoc.parse(row));
  for (const push of due) notified += await deliver(db, push, now);
  return { delivered: due.length, notified };
}

export const main = defineFunction('studyPush')({ send, mine, view, read, list, readers, subscribe }, { timers: { dispatch } });
