/**
 * Cloud function `task`: tasks published into the branch's WeChat groups. The publisher
 * (secretary or a committee member) sets a due time, a target and what counts as done; the
 * targeted members see it on 首页 and complete it (points once); the publisher sees who has
 * and has not, and reminds those not done at most once a day.
 */
import type { ActionInput, ActionOutput, TaskView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { groupDoc, memberDoc, unitDoc, type MemberDoc } from '../../shared/domain/org';
import { TASK_KIND_LABELS, TASK_REMINDER_EVERY_HOURS, type TaskState } from '../../shared/domain/work';
import { formatChinaDateTime } from '../../shared/time/china';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { entryId, award } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, idFor, withoutId } from '../_shared/repo';
import { notify } from '../_shared/subscriptions';
import { inTransaction } from '../_shared/transaction';
import { noteDoc } from '../note/docs';
import { completionDoc, completionId, photoFolder, TASK_PAGE, taskDoc, type CompletionDoc, type TaskDoc } from './docs';
import { requirePlannedWithin } from '../_shared/planning';

const NOT_FOUND = '任务不存在或不是发给您的';
const REMIND_MS = TASK_REMINDER_EVERY_HOURS * 3600_000;

function stateOf(task: TaskDoc, done: CompletionDoc | undefined, now: Date): TaskState {
  if (done) return 'done';
  return task.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
}

async function completionsFor(db: Database, taskIds: readonly string[], memberId: string): Promise<Map<string, CompletionDoc>> {
  if (!taskIds.length) return new Map();
  const rows = await findAll(db, COLLECTIONS.taskCompletions, { _id: db.command.in(taskIds.map((id) => completionId(id, memberId))) }, completionDoc);
  return new Map(rows.map((c) => [c.taskId, c]));
}

function view(task: TaskDoc, mine: CompletionDoc | undefined, viewerId: string, now: Date): TaskView {
  return {
    id: task._id,
    kind: task.kind,
    title: task.title,
    detail: task.detail,
    dueAt: task.dueAt.toISOString(),
    doneBy: task.doneBy,
    publisher: task.publisherName,
    targetLabel: task.targetLabel,
    targets: task.targetIds.length,
    done: task.doneCount,
    mine: task.targetIds.includes(viewerId) ? { state: stateOf(task, mine, now), doneAt: mine?.doneAt.toISOString() ?? null } : null,
    createdAt: task.createdAt.toISOString(),
    lastReminderAt: task.lastReminderAt?.toISOString() ?? null,
  };
}

async function views(db: Database, tasks: readonly TaskDoc[], viewer: MemberDoc, now: Date): Promise<TaskView[]> {
  const mine = await completionsFor(db, tasks.map((t) => t._id), viewer._id);
  return tasks.map((t) => view(t, mine.get(t._id), viewer._id, now));
}

/** Who a target reaches, and how to say it. Ids of another branch look missing. */
async function resolveTarget(db: Database, branchId: string, target: ActionInput<'task.publish'>['target']): Promise<{ ids: string[]; label: string }> {
  const members = await findAll(db, COLLECTIONS.members, { branchId }, memberDoc);
  if (target.kind === 'branch') return { ids: members.map((m) => m._id), label: '全支部' };
  if (target.kind === 'groups') {
    const groups = await Promise.all(target.ids.map((id) => getInBranch(db, COLLECTIONS.groups, id, groupDoc, branchId, '党小组不存在')));
    return { ids: members.filter((m) => m.groupId && target.ids.includes(m.groupId)).map((m) => m._id), label: groups.map((g) => g.name).join('、') };
  }
  if (target.kind === 'units') {
    const units = await Promise.all(target.ids.map((id) => getInBranch(db, COLLECTIONS.units, id, unitDoc, branchId, '岗区队不存在')));
    const ids = new Set(units.flatMap((u) => [...u.memberIds, ...(u.leaderId ? [u.leaderId] : [])]));
    return { ids: members.filter((m) => ids.has(m._id)).map((m) => m._id), label: units.map((u) => u.name).join('、') };
  }
  const known = new Set(members.map((m) => m._id));
  const missing = target.ids.find((id) => !known.has(id));
  if (missing) throw new AppError('NOT_FOUND', '成员不存在');
  const ids = [...new Set(target.ids)];
  return { ids, label: ids.length === 1 ? (members.find((m) => m._id === ids[0])?.name ?? '指定党员') : `指定党员 ${ids.length} 人` };
}

async function publish(input: ActionInput<'task.publish'>, ctx: ActionContext): Promise<ActionOutput<'task.publish'>> {
  const { db, member: actor, now } = asMember(ctx);
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= now.getTime()) throw new AppError('INVALID_INPUT', '截止时间须晚于现在', { dueAt: '截止时间须晚于现在' });
  requirePlannedWithin(dueAt, now, 'dueAt');
  const id = idFor('tk', actor.branchId, input.requestId);
  const existing = await getById(db, COLLECTIONS.tasks, id, taskDoc);
  if (existing) return (await views(db, [existing], actor, now))[0];
  const target = await resolveTarget(db, actor.branchId, input.target);
  if (!target.ids.length) throw new AppError('INVALID_INPUT', '所选范围内没有党员', { target: '请重新选择' });
  const doc: TaskDoc = {
    _id: id,
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    kind: input.kind,
    title: input.title,
    detail: input.detail,
    dueAt,
    doneBy: input.doneBy,
    target: { kind: input.target.kind, ids: input.target.kind === 'branch' ? [] : input.target.ids },
    targetLabel: target.label,
    targetIds: target.ids,
    doneCount: 0,
    publisherId: actor._id,
    publisherName: actor.name,
    createdAt: now,
    lastReminderAt: null,
  };
  await db.collection(COLLECTIONS.tasks).doc(id).set(withoutId(doc));
  return (await views(db, [doc], actor, now))[0];
}

async function mine(_input: ActionInput<'task.mine'>, ctx: ActionContext): Promise<ActionOutput<'task.mine'>> {
  const { db, member, now } = asMember(ctx);
  const { data } = await db.collection(COLLECTIONS.tasks).where({ branchId: member.branchId, targetIds: member._id }).orderBy('createdAt', 'desc').limit(100).get();
  const shown = await views(db, (data as unknown[]).map((row) => taskDoc.parse(row)), member, now);
  const open = shown.filter((t) => t.mine?.state !== 'done').sort((a, b) => Number(b.mine?.state === 'overdue') - Number(a.mine?.state === 'overdue') || a.dueAt.localeCompare(b.dueAt));
  return { open, done: shown.filter((t) => t.mine?.state === 'done').slice(0, 20) };
}

const manages = (member: MemberDoc, task: TaskDoc) => member._id === task.publisherId || member.roles.includes('secretary') || member.roles.includes('committeeMember');

/** A task the caller may open: targeted at them, or they run the branch's work. */
async function visibleTask(ctx: ActionContext, taskId: string): Promise<TaskDoc> {
  const { db, member } = asMember(ctx);
  const task = await getInBranch(db, COLLECTIONS.tasks, taskId, taskDoc, member.branchId, NOT_FOUND);
  if (!task.targetIds.includes(member._id) && !manages(member, task)) throw new AppError('NOT_FOUND', NOT_FOUND);
  return task;
}

async function get(input: ActionInput<'task.get'>, ctx: ActionContext): Promise<ActionOutput<'task.get'>> {
  const { db, member, now } = asMember(ctx);
  return (await views(db, [await visibleTask(ctx, input.taskId)], member, now))[0];
}

async function complete(input: ActionInput<'task.complete'>, ctx: ActionContext): Promise<ActionOutput<'task.complete'>> {
  const { db, member, now } = asMember(ctx);
  const task = await visibleTask(ctx, input.taskId);
  if (!task.targetIds.includes(member._id)) throw new AppError('FORBIDDEN', '这项任务不是发给您的，无需完成');
  if (task.doneBy === 'note') {
    const note = input.noteId ? await getById(db, COLLECTIONS.notes, input.noteId, noteDoc) : null;
    if (!note || note.memberId !== member._id || note.createdAt.getTime() < task.createdAt.getTime()) {
      throw new AppError('INVALID_INPUT', '请选择任务发布后您写的学习心得', { noteId: '请选择学习心得' });
    }
  }
  if (task.doneBy === 'photo') {
    if (!input.photos.length) throw new AppError('INVALID_INPUT', '请上传照片', { photos: '请上传照片' });
    // The photos are the completion: if WeChat finds one risky, the task's points are reversed.
    await requireImages(asMember(ctx), input.photos, { folder: photoFolder(task._id, member._id), field: 'photos', notOwn: '照片不属于这项任务，请重新上传', awardEntryId: entryId('taskDone', member._id, `task:${task._id}`) });
  }
  const id = completionId(task._id, member._id);
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.taskCompletions).doc(id).get();
    if (data) return task;
    const doc: CompletionDoc = { _id: id, taskId: task._id, branchId: task.branchId, memberId: member._id, memberName: member.name, noteId: task.doneBy === 'note' ? input.noteId : null, photos: task.doneBy === 'photo' ? input.photos : [], doneAt: now };
    await t.collection(COLLECTIONS.taskCompletions).doc(id).set(withoutId(doc));
    // An increment, not a value read earlier: 20 members finishing at once count 20.
    await t.collection(COLLECTIONS.tasks).doc(task._id).update({ doneCount: db.command.inc(1) });
    // The reply's count is at least this one (others may be finishing at the same moment).
    return { ...task, doneCount: task.doneCount + 1 };
  });
  // Once per member and task, however often the phone retries.
  await award(db, await rulesFor(db, member.committeeId), { member, rule: 'taskDone', source: `task:${task._id}`, label: `完成任务《${task.title}》`, at: now });
  return (await views(db, [after], member, now))[0];
}

async function list(_input: ActionInput<'task.list'>, ctx: ActionContext): Promise<ActionOutput<'task.list'>> {
  const { db, member, now } = asMember(ctx);
  const { data } = await db.collection(COLLECTIONS.tasks).where({ branchId: member.branchId }).orderBy('createdAt', 'desc').limit(200).get();
  return { items: await views(db, (data as unknown[]).map((row) => taskDoc.parse(row)), member, now) };
}

async function board(input: ActionInput<'task.board'>, ctx: ActionContext): Promise<ActionOutput<'task.board'>> {
  const { db, member, now } = asMember(ctx);
  const task = await getInBranch(db, COLLECTIONS.tasks, input.taskId, taskDoc, member.branchId, NOT_FOUND);
  const [members, groups, completions] = await Promise.all([
    findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc),
    findAll(db, COLLECTIONS.groups, { branchId: member.branchId }, groupDoc),
    findAll(db, COLLECTIONS.taskCompletions, { taskId: task._id }, completionDoc),
  ]);
  const byMember = new Map(completions.map((c) => [c.memberId, c]));
  const names = new Map(members.map((m) => [m._id, m]));
  const groupName = new Map(groups.map((g) => [g._id, g.name]));
  const urls = await tempUrls(completions.flatMap((c) => c.photos));
  const order: Record<TaskState, number> = { overdue: 0, open: 1, done: 2 };
  const rows = task.targetIds.map((id) => {
    const m = names.get(id);
    const done = byMember.get(id);
    return {
      id,
      name: m?.name ?? done?.memberName ?? '已调出',
      group: m?.groupId ? (groupName.get(m.groupId) ?? null) : null,
      state: stateOf(task, done, now),
      doneAt: done?.doneAt.toISOString() ?? null,
      photoUrls: (done?.photos ?? []).flatMap((p) => (urls.has(p) ? [urls.get(p) as string] : [])),
    };
  });
  return { task: (await views(db, [task], member, now))[0], members: rows.sort((a, b) => order[a.state] - order[b.state] || a.name.localeCompare(b.name, 'zh-CN')) };
}

async function remind(input: ActionInput<'task.remind'>, ctx: ActionContext): Promise<ActionOutput<'task.remind'>> {
  const { db, member, now } = asMember(ctx);
  const task = await getInBranch(db, COLLECTIONS.tasks, input.taskId, taskDoc, member.branchId, NOT_FOUND);
  // Claim today's reminder first: two taps (or two secretaries) cannot both send one.
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.tasks).doc(task._id).get();
    const current = taskDoc.parse({ _id: task._id, ...(data as object) });
    if (current.lastReminderAt && now.getTime() - current.lastReminderAt.getTime() < REMIND_MS) {
      const next = new Date(current.lastReminderAt.getTime() + REMIND_MS);
      throw new AppError('RATE_LIMITED', `今天已经提醒过了，${formatChinaDateTime(next)} 之后可以再次提醒`);
    }
    await t.collection(COLLECTIONS.tasks).doc(task._id).update({ lastReminderAt: now });
  });
  const [completions, members] = await Promise.all([findAll(db, COLLECTIONS.taskCompletions, { taskId: task._id }, completionDoc), findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc)]);
  const done = new Set(completions.map((c) => c.memberId));
  const notDone = members.filter((m) => task.targetIds.includes(m._id) && !done.has(m._id));
  const reminded = await notify(
    db,
    'task',
    notDone.map((m) => ({ memberId: m._id, openid: m.openid })),
    { page: `${TASK_PAGE}?id=${task._id}`, fields: { title: task.title, doneBy: TASK_KIND_LABELS[task.kind], due: formatChinaDateTime(task.dueAt) } },
    now,
  );
  return { reminded, notDone: notDone.length, nextAllowedAt: new Date(now.getTime() + REMIND_MS).toISOString() };
}

export const main = defineFunction('task')({ publish, mine, get, complete, list, board, remind });
