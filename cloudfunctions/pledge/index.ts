/**
 * Cloud function `pledge`: 承诺践诺. Each member pledges once a year in three parts with
 * measurable items, signs by hand (the signature image makes the 承诺书), and the pledge goes
 * on the branch's public board; fulfilment updates follow through the year, and each quarter
 * the committee member of the member's duty area reviews them (优/良/中/差), which awards
 * points through the engine. A signed pledge's text never changes.
 */
import type { ActionInput, ActionOutput, PledgeView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { REVIEW_POINT_SHARE, REVIEW_RATING_LABELS } from '../../shared/domain/identity';
import { groupDoc, memberDoc, type GroupDoc, type MemberDoc } from '../../shared/domain/org';
import { missingMessage, missingParts, reviewersOf } from '../../shared/identity/pledges';
import { chinaQuarter, quarterBounds, shiftQuarter } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award, ensureAwarded, type AwardRequest } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, idFor, withoutId } from '../_shared/repo';
import { periodDoc } from '../_shared/periods';
import { inTransaction } from '../_shared/transaction';
import { fulfilmentDoc, pledgeDoc, pledgeId, reviewDoc, type FulfilmentDoc, type PledgeDoc, type ReviewDoc } from './docs';

const yearOf = (period: string) => Number(period.slice(0, 4));
const folderOf = (memberId: string) => `pledges/${memberId}`;

interface BranchPeople {
  members: MemberDoc[];
  groups: Map<string, GroupDoc>;
  secretaryIds: string[];
}

async function people(db: Database, branchId: string): Promise<BranchPeople> {
  const [members, groups] = await Promise.all([findAll(db, COLLECTIONS.members, { branchId }, memberDoc), findAll(db, COLLECTIONS.groups, { branchId }, groupDoc)]);
  return { members, groups: new Map(groups.map((g) => [g._id, g])), secretaryIds: members.filter((m) => m.roles.includes('secretary')).map((m) => m._id) };
}

function reviewersFor(owner: Pick<MemberDoc, '_id' | 'groupId'>, org: BranchPeople): string[] {
  const group = owner.groupId ? org.groups.get(owner.groupId) : undefined;
  return reviewersOf(owner._id, group?.liaisonId ?? null, org.secretaryIds);
}

async function views(db: Database, docs: readonly PledgeDoc[], org: BranchPeople | null): Promise<PledgeView[]> {
  if (!docs.length) return [];
  const _ = db.command;
  const ids = docs.map((d) => d._id);
  const [fulfilments, reviews] = await Promise.all([
    findAll(db, COLLECTIONS.fulfilments, { pledgeId: _.in(ids) }, fulfilmentDoc),
    findAll(db, COLLECTIONS.pledgeReviews, { pledgeId: _.in(ids) }, reviewDoc),
  ]);
  const urls = await tempUrls([...docs.flatMap((d) => (d.signature ? [d.signature] : [])), ...fulfilments.flatMap((f) => f.photos)]);
  const membersById = new Map((org?.members ?? []).map((m) => [m._id, m]));
  return docs.map((d) => {
    const member = membersById.get(d.memberId);
    const group = member?.groupId ? org?.groups.get(member.groupId) : undefined;
    return {
      id: d._id,
      year: d.year,
      member: { id: d.memberId, name: d.memberName, group: group?.name ?? null },
      parts: d.parts,
      status: d.status,
      signedAt: d.signedAt?.toISOString() ?? null,
      signatureUrl: d.signature ? (urls.get(d.signature) ?? null) : null,
      fulfilments: fulfilments
        .filter((f) => f.pledgeId === d._id)
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .map((f) => ({ id: f._id, itemId: f.itemId, text: f.text, photoUrls: f.photos.flatMap((p) => (urls.has(p) ? [urls.get(p) as string] : [])), at: f.at.toISOString() })),
      reviews: reviews
        .filter((r) => r.pledgeId === d._id)
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((r) => ({ period: r.period, rating: r.rating, comment: r.comment, by: r.reviewerName, at: r.at.toISOString() })),
    };
  });
}

async function viewOne(ctx: ActionContext, doc: PledgeDoc): Promise<PledgeView> {
  const { db, member } = asMember(ctx);
  return (await views(db, [doc], await people(db, member.branchId)))[0];
}

async function mine(input: ActionInput<'pledge.mine'>, ctx: ActionContext): Promise<ActionOutput<'pledge.mine'>> {
  const { db, member, now } = asMember(ctx);
  const year = input.year ?? yearOf(chinaQuarter(now));
  const doc = await getById(db, COLLECTIONS.pledges, pledgeId(member._id, year), pledgeDoc);
  return { year, pledge: doc ? await viewOne(ctx, doc) : null };
}

async function save(input: ActionInput<'pledge.save'>, ctx: ActionContext): Promise<ActionOutput<'pledge.save'>> {
  const { db, member, now } = asMember(ctx);
  const year = yearOf(chinaQuarter(now));
  const id = pledgeId(member._id, year);
  const withIds = (part: string, items: ReadonlyArray<{ text: string; measure: string }>) => items.map((item, i) => ({ id: `${part}${i + 1}`, ...item }));
  const parts = { business: withIds('b', input.business), targets: withIds('t', input.targets), post: withIds('p', input.post) };
  const stored = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.pledges).doc(id).get();
    const before = data ? pledgeDoc.parse({ _id: id, ...(data as object) }) : null;
    // The text of a signed pledge is what was signed: it never changes (fulfilment is separate).
    if (before?.status === 'signed') throw new AppError('CONFLICT', '承诺书已签署，内容不能再修改；履行情况请在践诺记录中添加');
    const next: PledgeDoc = before
      ? { ...before, parts, updatedAt: now }
      : { _id: id, committeeId: member.committeeId, branchId: member.branchId, memberId: member._id, memberName: member.name, year, parts, status: 'draft', signature: null, signedAt: null, createdAt: now, updatedAt: now };
    await t.collection(COLLECTIONS.pledges).doc(id).set(withoutId(next));
    return next;
  });
  return viewOne(ctx, stored);
}

async function sign(input: ActionInput<'pledge.sign'>, ctx: ActionContext): Promise<ActionOutput<'pledge.sign'>> {
  const { db, member, now } = asMember(ctx);
  const year = yearOf(chinaQuarter(now));
  const id = pledgeId(member._id, year);
  await requireImages(asMember(ctx), [input.signature], { folder: folderOf(member._id), field: 'signature', notOwn: '签名图片不属于您，请重新签名' });
  const rules = await rulesFor(db, member.committeeId);
  const signed = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.pledges).doc(id).get();
    if (!data) throw new AppError('INVALID_INPUT', missingMessage(['business', 'targets', 'post']), { parts: '请先填写承诺内容' });
    const before = pledgeDoc.parse({ _id: id, ...(data as object) });
    if (before.status === 'signed') return { pledge: before, already: true };
    const missing = missingParts(before.parts);
    if (missing.length) throw new AppError('INVALID_INPUT', missingMessage(missing), Object.fromEntries(missing.map((p) => [p, '请填写至少一项'])));
    const next: PledgeDoc = { ...before, status: 'signed', signature: input.signature, signedAt: now, updatedAt: now };
    await t.collection(COLLECTIONS.pledges).doc(id).set(withoutId(next));
    return { pledge: next, already: false };
  });
  // The pledge of the year is the source: one award a year, booked when it was signed.
  const owed: AwardRequest = { member, rule: 'pledgeSigned', source: `pledge:${id}`, label: `签订${year}年承诺书`, at: signed.pledge.signedAt ?? now };
  if (signed.already) {
    // A retry of a call that may have died before its award gets the award, then the refusal.
    await ensureAwarded(db, rules, owed);
    throw new AppError('CONFLICT', '今年的承诺书已经签署');
  }
  await award(db, rules, owed);
  return viewOne(ctx, signed.pledge);
}

async function board(input: ActionInput<'pledge.board'>, ctx: ActionContext): Promise<ActionOutput<'pledge.board'>> {
  const { db, member, now } = asMember(ctx);
  const year = input.year ?? yearOf(chinaQuarter(now));
  const [docs, org] = await Promise.all([findAll(db, COLLECTIONS.pledges, { branchId: member.branchId, year, status: 'signed' }, pledgeDoc), people(db, member.branchId)]);
  return { year, items: await views(db, docs.sort((a, b) => (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0)), org) };
}

/** A pledge of the caller's branch: signed ones for everyone, a draft only for its owner. */
async function pledgeInBranch(ctx: ActionContext, id: string): Promise<PledgeDoc> {
  const { db, member } = asMember(ctx);
  const doc = await getInBranch(db, COLLECTIONS.pledges, id, pledgeDoc, member.branchId, '承诺书不存在');
  if (doc.status !== 'signed' && doc.memberId !== member._id) throw new AppError('NOT_FOUND', '承诺书不存在');
  return doc;
}

async function get(input: ActionInput<'pledge.get'>, ctx: ActionContext): Promise<ActionOutput<'pledge.get'>> {
  return viewOne(ctx, await pledgeInBranch(ctx, input.pledgeId));
}

async function addFulfilment(input: ActionInput<'pledge.addFulfilment'>, ctx: ActionContext): Promise<ActionOutput<'pledge.addFulfilment'>> {
  const { db, member, now } = asMember(ctx);
  const year = yearOf(chinaQuarter(now));
  const pledge = await getById(db, COLLECTIONS.pledges, pledgeId(member._id, year), pledgeDoc);
  if (!pledge || pledge.status !== 'signed') throw new AppError('CONFLICT', '请先签署今年的承诺书，再记录践诺情况');
  const itemIds = [...pledge.parts.business, ...pledge.parts.targets, ...pledge.parts.post].map((i) => i.id);
  if (input.itemId && !itemIds.includes(input.itemId)) throw new AppError('INVALID_INPUT', '承诺事项不存在', { itemId: '请选择承诺事项' });
  await requireImages(asMember(ctx), input.photos, { folder: folderOf(member._id), field: 'photos', notOwn: '照片不属于您，请重新上传' });
  const id = idFor('ff', member._id, input.requestId);
  const doc: FulfilmentDoc = { _id: id, pledgeId: pledge._id, branchId: member.branchId, memberId: member._id, itemId: input.itemId, text: input.text, photos: input.photos, period: chinaQuarter(now), at: now };
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.fulfilments).doc(id).get();
    if (!data) await t.collection(COLLECTIONS.fulfilments).doc(id).set(withoutId(doc));
  });
  return viewOne(ctx, pledge);
}

async function review(input: ActionInput<'pledge.review'>, ctx: ActionContext): Promise<ActionOutput<'pledge.review'>> {
  const { db, member: reviewer, now } = asMember(ctx);
  if (input.period > chinaQuarter(now)) throw new AppError('INVALID_INPUT', '不能评议尚未开始的季度', { period: '请选择本季度或之前的季度' });
  // This quarter, or the one just ended (reviewed at the start of the next): never a sitting that
  // books four quarters' points at once, and the points go to the quarter reviewed.
  if (input.period < shiftQuarter(chinaQuarter(now), -1)) throw new AppError('INVALID_INPUT', '只能评议本季度或上一季度', { period: '请选择本季度或上一季度' });
  const bookedAt = new Date(Math.min(now.getTime(), quarterBounds(input.period).end.getTime() - 1));
  const periodState = await getById(db, COLLECTIONS.periods, `${reviewer.branchId}_${input.period}`, periodDoc);
  if (periodState && periodState.state !== 'open') throw new AppError('CONFLICT', '该季度积分已结账，不能再评议');
  const pledge = await pledgeInBranch(ctx, input.pledgeId);
  if (pledge.status !== 'signed') throw new AppError('CONFLICT', '承诺书尚未签署');
  if (yearOf(input.period) !== pledge.year) throw new AppError('INVALID_INPUT', '只能评议承诺当年的季度', { period: '季度与承诺年份不符' });
  const org = await people(db, reviewer.branchId);
  const owner = org.members.find((m) => m._id === pledge.memberId);
  if (!owner) throw new AppError('NOT_FOUND', '该党员已不在本支部');
  if (!reviewersFor(owner, org).includes(reviewer._id)) throw new AppError('FORBIDDEN', '只有该党员所在党小组的联系委员才能评议（未设联系委员的由书记评议）');
  const id = `${pledge._id}:${input.period}`;
  const doc: ReviewDoc = { _id: id, pledgeId: pledge._id, branchId: pledge.branchId, memberId: owner._id, period: input.period, rating: input.rating, comment: input.comment, reviewerId: reviewer._id, reviewerName: reviewer.name, at: now };
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.pledgeReviews).doc(id).get();
    if (data) throw new AppError('CONFLICT', '本季度已评议');
    await t.collection(COLLECTIONS.pledgeReviews).doc(id).set(withoutId(doc));
    // A review earns points: audited, like every write that decides someone's points.
    await audit(t, reviewer, now, { action: 'pledge.review', targetType: 'pledge', targetId: pledge._id, branchId: reviewer.branchId, before: null, after: { memberId: owner._id, period: input.period, rating: input.rating } });
  });
  // 优 earns the rule's points, 良 and 中 a share, 差 none (shared/domain/identity.ts).
  await award(db, await rulesFor(db, owner.committeeId), {
    member: owner,
    rule: 'pledgeReviewed',
    source: `pledgeReview:${id}`,
    label: `${input.period} 践诺评议：${REVIEW_RATING_LABELS[input.rating]}`,
    quantity: REVIEW_POINT_SHARE[input.rating],
    at: bookedAt,
  });
  return (await views(db, [pledge], org))[0];
}

async function reviewQueue(input: ActionInput<'pledge.reviewQueue'>, ctx: ActionContext): Promise<ActionOutput<'pledge.reviewQueue'>> {
  const { db, member: reviewer, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const org = await people(db, reviewer.branchId);
  const mineToReview = new Set(org.members.filter((m) => reviewersFor(m, org).includes(reviewer._id)).map((m) => m._id));
  const [pledges, reviews, fulfilments] = await Promise.all([
    findAll(db, COLLECTIONS.pledges, { branchId: reviewer.branchId, year: yearOf(period), status: 'signed' }, pledgeDoc),
    findAll(db, COLLECTIONS.pledgeReviews, { branchId: reviewer.branchId, period }, reviewDoc),
    findAll(db, COLLECTIONS.fulfilments, { branchId: reviewer.branchId, period }, fulfilmentDoc),
  ]);
  const docs = pledges.filter((p) => mineToReview.has(p.memberId));
  const shown = await views(db, docs, org);
  return {
    period,
    items: shown
      .map((v, i) => ({ ...v, reviewed: reviews.some((r) => r.pledgeId === docs[i]._id), updatesThisQuarter: fulfilments.filter((f) => f.pledgeId === docs[i]._id).length }))
      .sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || a.member.name.localeCompare(b.member.name, 'zh-CN')),
  };
}

async function status(input: ActionInput<'pledge.status'>, ctx: ActionContext): Promise<ActionOutput<'pledge.status'>> {
  const { db, member: actor, now } = asMember(ctx);
  const period = input.period ?? chinaQuarter(now);
  const org = await people(db, actor.branchId);
  const [pledges, fulfilments] = await Promise.all([
    findAll(db, COLLECTIONS.pledges, { branchId: actor.branchId, year: yearOf(period) }, pledgeDoc),
    findAll(db, COLLECTIONS.fulfilments, { branchId: actor.branchId, period }, fulfilmentDoc),
  ]);
  const byMember = new Map(pledges.map((p) => [p.memberId, p]));
  const updated = new Set(fulfilments.map((f) => f.memberId));
  const row = (m: MemberDoc) => ({ id: m._id, name: m.name, group: m.groupId ? (org.groups.get(m.groupId)?.name ?? null) : null });
  const members = [...org.members].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    period,
    members: members.length,
    signed: members.filter((m) => byMember.get(m._id)?.status === 'signed').length,
    notPledged: members.filter((m) => byMember.get(m._id)?.status !== 'signed').map((m) => ({ ...row(m), draft: byMember.has(m._id) })),
    noUpdate: members.filter((m) => byMember.get(m._id)?.status === 'signed' && !updated.has(m._id)).map(row),
  };
}

export const main = defineFunction('pledge')({ mine, save, sign, board, get, addFulfilment, review, reviewQueue, status });
