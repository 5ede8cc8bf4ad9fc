/**
 * Cloud function `cobuild`: 党建和创 — the branch's co-building agreements with outside
 * organisations (another company's branch, a bank's branch …): partner, terms, the signed
 * file, status, and the joint activities run under an agreement, each earning its
 * participants the co-building points once.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput, AgreementView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc, memberDoc } from '../../shared/domain/org';
import { COBUILD_STATUSES, PARTNER_KINDS } from '../../shared/domain/work';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { requireFolder, tempUrls } from '../_shared/files';
import { ensureAwarded } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, idFor, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const agreementDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  partner: z.object({ name: z.string(), kind: z.enum(PARTNER_KINDS), contact: z.string() }),
  terms: z.string(),
  signedOn: z.string().nullable(),
  status: z.enum(COBUILD_STATUSES),
  file: z.string().nullable(),
  updatedAt: z.date(),
});
type AgreementDoc = z.infer<typeof agreementDoc>;
const jointDoc = z.object({ _id: z.string(), agreementId: z.string(), branchId: z.string(), title: z.string(), on: z.string(), summary: z.string(), participantIds: z.array(z.string()), createdAt: z.date() });

async function views(db: Database, docs: readonly AgreementDoc[]): Promise<AgreementView[]> {
  const [joint, urls] = await Promise.all([
    docs.length ? findAll(db, COLLECTIONS.cobuildActivities, { agreementId: db.command.in(docs.map((d) => d._id)) }, jointDoc) : Promise.resolve([]),
    tempUrls(docs.flatMap((d) => (d.file ? [d.file] : []))),
  ]);
  return docs.map((d) => ({
    id: d._id,
    branchName: d.branchName,
    partner: d.partner,
    terms: d.terms,
    signedOn: d.signedOn,
    status: d.status,
    fileId: d.file,
    fileUrl: d.file ? (urls.get(d.file) ?? null) : null,
    activities: joint
      .filter((a) => a.agreementId === d._id)
      .sort((a, b) => b.on.localeCompare(a.on))
      .map((a) => ({ id: a._id, title: a.title, on: a.on, summary: a.summary, participants: a.participantIds.length })),
  }));
}

async function save(input: ActionInput<'cobuild.save'>, ctx: ActionContext): Promise<ActionOutput<'cobuild.save'>> {
  const { db, member: actor, now } = asMember(ctx);
  if (input.file) requireFolder([input.file], `cobuild/${actor.branchId}`, 'file', '协议文件不属于本支部，请重新上传');
  const before = input.agreementId ? await getInBranch(db, COLLECTIONS.agreements, input.agreementId, agreementDoc, actor.branchId, '共建协议不存在') : null;
  const branch = await getById(db, COLLECTIONS.branches, actor.branchId, branchDoc);
  const doc: AgreementDoc = { _id: before?._id ?? newId('cb'), committeeId: actor.committeeId, branchId: actor.branchId, branchName: branch?.name ?? '', partner: input.partner, terms: input.terms, signedOn: input.signedOn, status: input.status, file: input.file, updatedAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.agreements).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'cobuild.save', targetType: 'cobuildAgreement', targetId: doc._id, branchId: actor.branchId, before, after: doc });
  });
  return (await views(db, [doc]))[0];
}

async function list(_input: ActionInput<'cobuild.list'>, ctx: ActionContext): Promise<ActionOutput<'cobuild.list'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.agreements, { branchId: member.branchId }, agreementDoc);
  return { items: await views(db, docs.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())) };
}

async function addActivity(input: ActionInput<'cobuild.addActivity'>, ctx: ActionContext): Promise<ActionOutput<'cobuild.addActivity'>> {
  const { db, member: actor, now } = asMember(ctx);
  const agreement = await getInBranch(db, COLLECTIONS.agreements, input.agreementId, agreementDoc, actor.branchId, '共建协议不存在');
  if (agreement.status !== 'active') throw new AppError('CONFLICT', '只有共建中的协议可以记录联合活动');
  const members = await findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc);
  const participants = [...new Set(input.participantIds)].map((id) => {
    const m = members.find((x) => x._id === id);
    if (!m) throw new AppError('NOT_FOUND', '参加人不存在');
    return m;
  });
  // One joint activity per agreement, day and title: a retried call is the same activity, and it
  // completes the awards a call that died part-way left out (each award is once per source).
  const doc = { _id: idFor('cj', agreement._id, input.on, input.title), agreementId: agreement._id, branchId: agreement.branchId, title: input.title, on: input.on, summary: input.summary, participantIds: participants.map((p) => p._id), createdAt: now };
  const stored = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.cobuildActivities).doc(doc._id).get();
    if (data) return jointDoc.parse({ _id: doc._id, ...(data as object) });
    await t.collection(COLLECTIONS.cobuildActivities).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'cobuild.addActivity', targetType: 'cobuildAgreement', targetId: agreement._id, branchId: actor.branchId, before: null, after: { title: doc.title, on: doc.on, participants: participants.map((p) => p.name) } });
    return doc;
  });
  const rules = await rulesFor(db, actor.committeeId);
  for (const member of members.filter((m) => stored.participantIds.includes(m._id))) {
    await ensureAwarded(db, rules, { member, rule: 'cobuildActivity', source: `cobuild:${doc._id}`, label: `${agreement.partner.name}：${doc.title}`, at: stored.createdAt });
  }
  return (await views(db, [agreement]))[0];
}

async function overview(_input: ActionInput<'cobuild.overview'>, ctx: ActionContext): Promise<ActionOutput<'cobuild.overview'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.agreements, { committeeId: member.committeeId }, agreementDoc);
  return { items: await views(db, docs.sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN'))) };
}

export const main = defineFunction('cobuild')({ save, list, addActivity, overview });
