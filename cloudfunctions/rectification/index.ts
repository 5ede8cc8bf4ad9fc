/**
 * Cloud function `rectification`: 三单. The secretary issues responsibility, problem and
 * rectification lists (to 较差 members of a published quarter, or to anyone); the member
 * answers each rectification item with what they did and evidence; the secretary verifies
 * or returns it, and the 三单 closes when every item is verified.
 */
import type { ActionInput, ActionOutput, RectificationView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { chinaDay } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { findAll, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';
import { periodDoc, snapshotDoc } from '../_shared/periods';
import { getById } from '../_shared/repo';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { rectificationDoc, type RectificationDoc } from '../_shared/rectifications';

/** Photos shown on a phone need temporary URLs; one storage call for all photos of the views. */
async function views(docs: RectificationDoc[], now: Date): Promise<RectificationView[]> {
  const urls = await tempUrls(docs.flatMap((d) => d.actions.flatMap((a) => a.answer?.photos ?? [])));
  return docs.map((d) => view(d, now, urls));
}

function view(doc: RectificationDoc, now: Date, urls: ReadonlyMap<string, string>): RectificationView {
  const today = chinaDay(now);
  return {
    id: doc._id,
    member: { id: doc.memberId, name: doc.memberName },
    period: doc.period,
    reason: doc.reason,
    state: doc.state,
    responsibilities: doc.responsibilities,
    problems: doc.problems,
    actions: doc.actions.map((a) => ({
      id: a.id,
      text: a.text,
      dueOn: a.dueOn,
      status: a.status,
      overdue: a.status !== 'verified' && a.dueOn < today,
      answer: a.answer ? { ...a.answer, photoUrls: a.answer.photos.map((id) => urls.get(id)).filter((url): url is string => Boolean(url)), at: a.answer.at.toISOString() } : null,
      review: a.review ? { ...a.review, at: a.review.at.toISOString() } : null,
    })),
    createdAt: doc.createdAt.toISOString(),
  };
}

const sortOpenFirst = (a: RectificationDoc, b: RectificationDoc) =>
  Number(a.state === 'closed') - Number(b.state === 'closed') || b.createdAt.getTime() - a.createdAt.getTime();

async function latestSnapshot(ctx: ActionContext, period: string) {
  const { db, member } = asMember(ctx);
  const state = await getById(db, COLLECTIONS.periods, `${member.branchId}_${period}`, periodDoc);
  if (!state?.publishedVersion) return null;
  return getById(db, COLLECTIONS.snapshots, `${member.branchId}_${period}_v${state.publishedVersion}`, snapshotDoc);
}

async function candidates(input: ActionInput<'rectification.candidates'>, ctx: ActionContext): Promise<ActionOutput<'rectification.candidates'>> {
  const { db, member } = asMember(ctx);
  const snapshot = await latestSnapshot(ctx, input.period);
  if (!snapshot) throw new AppError('CONFLICT', '本季度结果尚未发布');
  const issued = await findAll(db, COLLECTIONS.rectifications, { branchId: member.branchId, period: input.period }, rectificationDoc);
  const has = new Set(issued.map((r) => r.memberId));
  return { members: snapshot.rows.filter((r) => r.grade === 'poor' && !has.has(r.memberId)).map((r) => ({ id: r.memberId, name: r.name, score: r.score })) };
}

async function issue(input: ActionInput<'rectification.issue'>, ctx: ActionContext): Promise<ActionOutput<'rectification.issue'>> {
  const { db, member: actor, now } = asMember(ctx);
  const target = await getInBranch(db, COLLECTIONS.members, input.memberId, memberDoc, actor.branchId, '成员不存在');
  const snapshot = await latestSnapshot(ctx, input.period);
  const poor = snapshot?.rows.some((r) => r.memberId === target._id && r.grade === 'poor') ?? false;
  for (const a of input.actions) if (a.dueOn < chinaDay(now)) throw new AppError('INVALID_INPUT', '整改期限不能早于今天', { actions: '整改期限不能早于今天' });
  const doc: RectificationDoc = {
    _id: newId('rect'),
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    memberId: target._id,
    memberName: target.name,
    period: input.period,
    reason: poor ? 'grade' : 'secretary',
    state: 'open',
    responsibilities: input.responsibilities.map((text, i) => ({ id: `r${i + 1}`, text })),
    problems: input.problems.map((text, i) => ({ id: `p${i + 1}`, text })),
    actions: input.actions.map((a, i) => ({ id: `a${i + 1}`, text: a.text, dueOn: a.dueOn, status: 'open', answer: null, review: null })),
    createdAt: now,
    createdBy: actor._id,
  };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.rectifications).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'rectification.issue', targetType: 'rectification', targetId: doc._id, branchId: actor.branchId, before: null, after: doc });
  });
  return (await views([doc], now))[0];
}

async function list(input: ActionInput<'rectification.list'>, ctx: ActionContext): Promise<ActionOutput<'rectification.list'>> {
  const { db, member, now } = asMember(ctx);
  const filter: Record<string, unknown> = { branchId: member.branchId };
  if (input.period) filter.period = input.period;
  if (input.state) filter.state = input.state;
  const docs = await findAll(db, COLLECTIONS.rectifications, filter, rectificationDoc, 500);
  return { items: await views(docs.sort(sortOpenFirst), now) };
}

async function mine(_input: ActionInput<'rectification.mine'>, ctx: ActionContext): Promise<ActionOutput<'rectification.mine'>> {
  const { db, member, now } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.rectifications, { memberId: member._id }, rectificationDoc, 100);
  // Only the member's current branch: 三单 of a former branch stay with that branch.
  return { items: await views(docs.filter((d) => d.branchId === member.branchId).sort(sortOpenFirst), now) };
}

/** Loads, changes one item, and writes back in a transaction (the member and the secretary may act at once). */
async function changeItem(
  ctx: ActionContext,
  rectificationId: string,
  actionId: string,
  allowed: (doc: RectificationDoc) => void,
  change: (item: RectificationDoc['actions'][number], now: Date) => RectificationDoc['actions'][number],
  auditAs: string | null,
): Promise<RectificationDoc> {
  const { db, member, now } = asMember(ctx);
  return inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.rectifications).doc(rectificationId).get();
    const before = data ? rectificationDoc.parse(data) : null;
    if (!before || before.branchId !== member.branchId) throw new AppError('NOT_FOUND', '三单不存在');
    allowed(before);
    const index = before.actions.findIndex((a) => a.id === actionId);
    if (index < 0) throw new AppError('NOT_FOUND', '整改事项不存在');
    const actions = [...before.actions];
    actions[index] = change(actions[index], now);
    const after: RectificationDoc = { ...before, actions, state: actions.every((a) => a.status === 'verified') ? 'closed' : 'open' };
    await t.collection(COLLECTIONS.rectifications).doc(before._id).set(withoutId(after));
    if (auditAs) await audit(t, member, now, { action: auditAs, targetType: 'rectification', targetId: before._id, branchId: member.branchId, before: before.actions[index], after: actions[index] });
    return after;
  });
}

async function answer(input: ActionInput<'rectification.answer'>, ctx: ActionContext): Promise<ActionOutput<'rectification.answer'>> {
  const { member, now } = asMember(ctx);
  // Evidence must be uploaded for this item (the page stores it under rectification/<id>/<item>/).
  await requireImages(asMember(ctx), input.photos, { folder: `rectification/${input.rectificationId}/${input.actionId}`, field: 'photos', notOwn: '照片不属于该整改事项，请重新上传照片' });
  const after = await changeItem(
    ctx,
    input.rectificationId,
    input.actionId,
    // Another member's 三单 answers like a missing one.
    (doc) => {
      if (doc.memberId !== member._id) throw new AppError('NOT_FOUND', '三单不存在');
    },
    (item, at) => {
      if (item.status === 'verified') throw new AppError('CONFLICT', '该事项已核验，无需再提交');
      if (item.status === 'answered') throw new AppError('CONFLICT', '已提交，请等待支部书记核验');
      return { ...item, status: 'answered', answer: { text: input.text, photos: input.photos, at } };
    },
    null,
  );
  return (await views([after], now))[0];
}

async function review(input: ActionInput<'rectification.review'>, ctx: ActionContext): Promise<ActionOutput<'rectification.review'>> {
  const { member: actor, now } = asMember(ctx);
  if (input.verdict === 'returned' && !input.note) throw new AppError('INVALID_INPUT', '退回时请说明原因', { note: '请说明退回原因' });
  const after = await changeItem(
    ctx,
    input.rectificationId,
    input.actionId,
    () => undefined,
    (item, at) => {
      if (item.status !== 'answered') throw new AppError('CONFLICT', '该事项尚未提交整改情况');
      return { ...item, status: input.verdict, review: { note: input.note, at, by: actor.name } };
    },
    'rectification.review',
  );
  return (await views([after], now))[0];
}

export const main = defineFunction('rectification')({ candidates, issue, list, mine, answer, review });
