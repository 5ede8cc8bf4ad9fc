/**
 * Cloud function `project`: 攻坚项目 — 书记工程, social responsibility, business development,
 * 党建和创. The lead is a committee member by rotation (shared/work/rotation.ts): the function
 * proposes, the secretary confirms or overrides with a reason. Milestones with owners and
 * dates, progress updates with photos, and the closed loop open → in progress → done →
 * reviewed, one audited step at a time.
 */
import type { ActionInput, ActionOutput, ProjectView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc, groupDoc, memberDoc, unitDoc, type MemberDoc } from '../../shared/domain/org';
import { NEXT_PROJECT_STATUS, PROJECT_STATUS_LABELS } from '../../shared/domain/work';
import { chinaDay } from '../../shared/time/china';
import { nextInRotation, rotationOrder, type Candidate } from '../../shared/work/rotation';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, idFor, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';
import { projectDoc, updateDoc, type ProjectDoc, type UpdateDoc } from './docs';

const NOT_FOUND = '项目不存在';
const isCommittee = (m: MemberDoc) => m.roles.includes('committeeMember') || m.roles.includes('secretary');
const candidate = (m: MemberDoc): Candidate => ({ id: m._id, name: m.name });

async function views(db: Database, docs: readonly ProjectDoc[], now: Date): Promise<ProjectView[]> {
  if (!docs.length) return [];
  const branchIds = [...new Set(docs.map((d) => d.branchId))];
  const _ = db.command;
  const [groups, units, updates] = await Promise.all([
    findAll(db, COLLECTIONS.groups, { branchId: _.in(branchIds) }, groupDoc),
    findAll(db, COLLECTIONS.units, { branchId: _.in(branchIds) }, unitDoc),
    findAll(db, COLLECTIONS.projectUpdates, { projectId: _.in(docs.map((d) => d._id)) }, updateDoc),
  ]);
  const urls = await tempUrls(updates.flatMap((u) => u.photos));
  const today = chinaDay(now);
  return docs.map((d) => {
    const milestones = d.milestones.map((m) => ({ id: m.id, title: m.title, owner: { id: m.ownerId, name: m.ownerName }, dueOn: m.dueOn, doneAt: m.doneAt?.toISOString() ?? null, overdue: !m.doneAt && m.dueOn < today }));
    const closed = d.status === 'done' || d.status === 'reviewed';
    return {
      id: d._id,
      kind: d.kind,
      title: d.title,
      goal: d.goal,
      branchName: d.branchName,
      lead: { id: d.leadId, name: d.leadName },
      overrideReason: d.overrideReason,
      groups: groups.filter((g) => d.groupIds.includes(g._id)).map((g) => ({ id: g._id, name: g.name })),
      units: units.filter((u) => d.unitIds.includes(u._id)).map((u) => ({ id: u._id, name: u.name })),
      milestones,
      updates: updates
        .filter((u) => u.projectId === d._id)
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .map((u) => ({ id: u._id, text: u.text, photoUrls: u.photos.flatMap((p) => (urls.has(p) ? [urls.get(p) as string] : [])), by: u.by, at: u.at.toISOString() })),
      status: d.status,
      overdue: !closed && milestones.some((m) => m.overdue),
      history: d.history.map((h) => ({ ...h, at: h.at.toISOString() })),
      createdAt: d.createdAt.toISOString(),
    };
  });
}

async function one(ctx: ActionContext, doc: ProjectDoc): Promise<ProjectView> {
  return (await views(ctx.db, [doc], ctx.now))[0];
}

/** The rotation's proposal for the caller's branch: after the lead of the latest project that followed it. */
async function proposal(db: Database, branchId: string): Promise<{ proposed: Candidate | null; order: Candidate[] }> {
  const [members, projects] = await Promise.all([findAll(db, COLLECTIONS.members, { branchId }, memberDoc), findAll(db, COLLECTIONS.projects, { branchId }, projectDoc)]);
  const committee = members.filter(isCommittee).map(candidate);
  const last = projects.filter((p) => p.overrideReason === null).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return { proposed: nextInRotation(committee, last ? { id: last.leadId, name: last.leadName } : null), order: rotationOrder(committee) };
}

async function proposeLead(_input: ActionInput<'project.proposeLead'>, ctx: ActionContext): Promise<ActionOutput<'project.proposeLead'>> {
  const { db, member } = asMember(ctx);
  return proposal(db, member.branchId);
}

async function create(input: ActionInput<'project.create'>, ctx: ActionContext): Promise<ActionOutput<'project.create'>> {
  const { db, member: actor, now } = asMember(ctx);
  const id = idFor('pj', actor.branchId, input.requestId);
  const existing = await getById(db, COLLECTIONS.projects, id, projectDoc);
  if (existing) return one(ctx, existing);
  const [members, branch, { proposed }] = await Promise.all([findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc), getById(db, COLLECTIONS.branches, actor.branchId, branchDoc), proposal(db, actor.branchId)]);
  const byId = new Map(members.map((m) => [m._id, m]));
  const lead = byId.get(input.leadId);
  if (!lead) throw new AppError('NOT_FOUND', '牵头人不存在');
  if (!isCommittee(lead)) throw new AppError('INVALID_INPUT', '牵头人须是支部委员', { leadId: '请选择支部委员' });
  const overridden = proposed !== null && lead._id !== proposed.id;
  if (overridden && !input.overrideReason) throw new AppError('INVALID_INPUT', `轮值应由${proposed.name}牵头，调整请说明原因`, { overrideReason: '请填写调整原因' });
  await Promise.all([
    ...input.groupIds.map((g) => getInBranch(db, COLLECTIONS.groups, g, groupDoc, actor.branchId, '党小组不存在')),
    ...input.unitIds.map((u) => getInBranch(db, COLLECTIONS.units, u, unitDoc, actor.branchId, '岗区队不存在')),
  ]);
  const milestones = input.milestones.map((m, i) => {
    const owner = byId.get(m.ownerId);
    if (!owner) throw new AppError('NOT_FOUND', '节点负责人不存在');
    return { id: `ms${i + 1}`, title: m.title, ownerId: owner._id, ownerName: owner.name, dueOn: m.dueOn, doneAt: null };
  });
  const doc: ProjectDoc = {
    _id: id,
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    branchName: branch?.name ?? '',
    kind: input.kind,
    title: input.title,
    goal: input.goal,
    leadId: lead._id,
    leadName: lead.name,
    proposedLeadId: proposed?.id ?? null,
    overrideReason: overridden ? input.overrideReason : null,
    groupIds: input.groupIds,
    unitIds: input.unitIds,
    milestones,
    status: 'open',
    history: [{ status: 'open', note: '立项', by: actor.name, at: now }],
    createdAt: now,
  };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.projects).doc(id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'project.create', targetType: 'project', targetId: id, branchId: actor.branchId, before: null, after: { title: doc.title, lead: lead.name, proposed: proposed?.name ?? null, overrideReason: doc.overrideReason } });
  });
  return one(ctx, doc);
}

async function list(_input: ActionInput<'project.list'>, ctx: ActionContext): Promise<ActionOutput<'project.list'>> {
  const { db, member, now } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.projects, { branchId: member.branchId }, projectDoc);
  return { items: await views(db, docs.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()), now) };
}

async function get(input: ActionInput<'project.get'>, ctx: ActionContext): Promise<ActionOutput<'project.get'>> {
  const { db, member } = asMember(ctx);
  return one(ctx, await getInBranch(db, COLLECTIONS.projects, input.projectId, projectDoc, member.branchId, NOT_FOUND));
}

async function setStatus(input: ActionInput<'project.setStatus'>, ctx: ActionContext): Promise<ActionOutput<'project.setStatus'>> {
  const { db, member: actor, now } = asMember(ctx);
  const found = await getInBranch(db, COLLECTIONS.projects, input.projectId, projectDoc, actor.branchId, NOT_FOUND);
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.projects).doc(found._id).get();
    const before = projectDoc.parse({ _id: found._id, ...(data as object) });
    if (NEXT_PROJECT_STATUS[before.status] !== input.status) {
      const message = input.status === 'reviewed' ? '项目完成后才能验收' : `项目当前为「${PROJECT_STATUS_LABELS[before.status]}」，不能直接改为「${PROJECT_STATUS_LABELS[input.status]}」`;
      throw new AppError('CONFLICT', message);
    }
    const next: ProjectDoc = { ...before, status: input.status, history: [...before.history, { status: input.status, note: input.note, by: actor.name, at: now }] };
    await t.collection(COLLECTIONS.projects).doc(found._id).update({ status: next.status, history: next.history });
    await audit(t, actor, now, { action: 'project.setStatus', targetType: 'project', targetId: found._id, branchId: actor.branchId, before: { status: before.status }, after: { status: next.status, note: input.note } });
    return next;
  });
  return one(ctx, after);
}

async function completeMilestone(input: ActionInput<'project.completeMilestone'>, ctx: ActionContext): Promise<ActionOutput<'project.completeMilestone'>> {
  const { db, member, now } = asMember(ctx);
  const found = await getInBranch(db, COLLECTIONS.projects, input.projectId, projectDoc, member.branchId, NOT_FOUND);
  const milestone = found.milestones.find((m) => m.id === input.milestoneId);
  if (!milestone) throw new AppError('NOT_FOUND', '节点不存在');
  if (![milestone.ownerId, found.leadId].includes(member._id) && !member.roles.includes('secretary')) throw new AppError('FORBIDDEN', '只有节点负责人、项目牵头人或书记可以标记节点完成');
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.projects).doc(found._id).get();
    const before = projectDoc.parse({ _id: found._id, ...(data as object) });
    const milestones = before.milestones.map((m) => (m.id === milestone.id && !m.doneAt ? { ...m, doneAt: now } : m));
    await t.collection(COLLECTIONS.projects).doc(found._id).update({ milestones });
    return { ...before, milestones };
  });
  const owner = await getById(db, COLLECTIONS.members, milestone.ownerId, memberDoc);
  // The owner earns the milestone once, whoever marks it and however often.
  if (owner?.branchId) await award(db, await rulesFor(db, owner.committeeId), { member: owner, rule: 'projectMilestone', source: `milestone:${found._id}:${milestone.id}`, label: `${found.title}：${milestone.title}`, at: now });
  return one(ctx, after);
}

async function addUpdate(input: ActionInput<'project.addUpdate'>, ctx: ActionContext): Promise<ActionOutput<'project.addUpdate'>> {
  const { db, member, now } = asMember(ctx);
  const found = await getInBranch(db, COLLECTIONS.projects, input.projectId, projectDoc, member.branchId, NOT_FOUND);
  const team = new Set([found.leadId, ...found.milestones.map((m) => m.ownerId)]);
  if (!team.has(member._id) && !member.roles.includes('secretary')) throw new AppError('FORBIDDEN', '只有项目牵头人、节点负责人或书记可以记录进展');
  await requireImages(asMember(ctx), input.photos, { folder: `projects/${found._id}`, field: 'photos', notOwn: '照片不属于该项目，请重新上传' });
  const id = idFor('pu', member._id, input.requestId);
  const doc: UpdateDoc = { _id: id, projectId: found._id, branchId: found.branchId, text: input.text, photos: input.photos, by: member.name, at: now };
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.projectUpdates).doc(id).get();
    if (!data) await t.collection(COLLECTIONS.projectUpdates).doc(id).set(withoutId(doc));
  });
  return one(ctx, found);
}

async function overview(_input: ActionInput<'project.overview'>, ctx: ActionContext): Promise<ActionOutput<'project.overview'>> {
  const { db, member, now } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.projects, { committeeId: member.committeeId }, projectDoc);
  return { items: await views(db, docs.sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN') || b.createdAt.getTime() - a.createdAt.getTime()), now) };
}

export const main = defineFunction('project')({ proposeLead, create, list, get, setStatus, completeMilestone, addUpdate, overview });
