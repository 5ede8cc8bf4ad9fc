/** The company committee's view: all branches, transfers between them, and the audit log. */
import type { ActionInput, ActionOutput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { auditEntryDoc, branchDoc, memberDoc, type MemberDoc, type UnitDoc } from '../../../shared/domain/org';
import type { Role } from '../../../shared/domain/roles';
import { maskPhone } from '../../../shared/domain/text';
import { audit } from '../../_shared/audit';
import { asMember, type ActionContext } from '../../_shared/define';
import { findAll, getById, withoutId } from '../../_shared/repo';
import { loadBranchOrg } from '../branch';
import { maySeePhonesOf, memberView } from '../views';

export async function transferMember(input: ActionInput<'org.transferMember'>, ctx: ActionContext): Promise<ActionOutput<'org.transferMember'>> {
  const { db, member: actor, now } = asMember(ctx);
  const before = await getById(db, COLLECTIONS.members, input.memberId, memberDoc);
  // Another committee's member answers like a missing one.
  if (!before || before.committeeId !== actor.committeeId) throw new AppError('NOT_FOUND', '成员不存在');
  const target = await getById(db, COLLECTIONS.branches, input.toBranchId, branchDoc);
  if (!target || target.committeeId !== actor.committeeId) throw new AppError('NOT_FOUND', '目标支部不存在');
  if (before.branchId === target._id) throw new AppError('CONFLICT', '该成员已在目标支部');
  if (before.roles.includes('secretary')) throw new AppError('CONFLICT', '请先为原支部指定新的支部书记，再转移该成员');

  // The member keeps their id (and so their points and history); branch places and branch roles are reset.
  const keptRoles: Role[] = before.roles.includes('committeeAdmin') ? ['member', 'committeeAdmin'] : ['member'];
  const after: MemberDoc = { ...before, branchId: target._id, groupId: null, unitIds: [], roles: keptRoles, duty: null };
  const source = before.branchId ? await loadBranchOrg(db, before.branchId) : null;
  const unitsLeft: UnitDoc[] = (source?.units ?? [])
    .filter((u) => u.memberIds.includes(before._id))
    .map((u) => ({ ...u, memberIds: u.memberIds.filter((id) => id !== before._id), leaderId: u.leaderId === before._id ? null : u.leaderId }));
  const groupsLed = (source?.groups ?? []).filter((g) => g.leaderId === before._id);

  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.members).doc(before._id).set(withoutId(after));
    for (const unit of unitsLeft) await t.collection(COLLECTIONS.units).doc(unit._id).set(withoutId(unit));
    for (const group of groupsLed) await t.collection(COLLECTIONS.groups).doc(group._id).update({ leaderId: null });
    await audit(t, actor, now, {
      action: 'org.transferMember',
      targetType: 'member',
      targetId: before._id,
      branchId: target._id,
      before,
      after: { ...after, reason: input.reason, fromBranchId: before.branchId },
    });
  });
  const targetOrg = await loadBranchOrg(db, target._id);
  return memberView(after, targetOrg, actor);
}

export async function branches(_input: ActionInput<'org.branches'>, ctx: ActionContext): Promise<ActionOutput<'org.branches'>> {
  const { db, member: actor } = asMember(ctx);
  const $ = db.command.aggregate;
  const [branchList, counts] = await Promise.all([
    findAll(db, COLLECTIONS.branches, { committeeId: actor.committeeId }, branchDoc),
    db
      .collection(COLLECTIONS.members)
      .aggregate()
      .match({ committeeId: actor.committeeId })
      .group({
        _id: '$branchId',
        memberCount: $.sum(1),
        people: $.push({ name: '$name', duty: '$duty', roles: '$roles' }),
      })
      .limit(5000)
      .end(),
  ]);
  const groupCounts = await db
    .collection(COLLECTIONS.groups)
    .aggregate()
    .match({ branchId: db.command.in(branchList.map((b) => b._id)) })
    .group({ _id: '$branchId', n: $.sum(1) })
    .limit(5000)
    .end();
  type Row = { _id: string; memberCount: number; people: Array<{ name: string; duty: string | null; roles: Role[] }> };
  const byBranch = new Map((counts.data as Row[]).map((row) => [row._id, row]));
  const groupsByBranch = new Map((groupCounts.data as Array<{ _id: string; n: number }>).map((row) => [row._id, row.n]));
  return {
    branches: branchList
      .sort((a, b) => a._id.localeCompare(b._id))
      .map((branch) => {
        const row = byBranch.get(branch._id);
        const committee = (row?.people ?? []).filter((p) => p.roles.includes('committeeMember') || p.roles.includes('secretary'));
        return {
          id: branch._id,
          name: branch.name,
          memberCount: row?.memberCount ?? 0,
          groupCount: groupsByBranch.get(branch._id) ?? 0,
          secretary: committee.find((p) => p.roles.includes('secretary'))?.name ?? null,
          committee: committee.map((p) => ({ name: p.name, duty: p.duty ?? null })),
        };
      }),
  };
}

export async function branchMembers(input: ActionInput<'org.branchMembers'>, ctx: ActionContext): Promise<ActionOutput<'org.branchMembers'>> {
  const { db, member: actor } = asMember(ctx);
  const branch = await getById(db, COLLECTIONS.branches, input.branchId, branchDoc);
  if (!branch || branch.committeeId !== actor.committeeId) throw new AppError('NOT_FOUND', '支部不存在');
  const org = await loadBranchOrg(db, branch._id);
  return { members: org.members.map((m) => memberView(m, org, actor)) };
}

export async function auditLog(input: ActionInput<'org.auditLog'>, ctx: ActionContext): Promise<ActionOutput<'org.auditLog'>> {
  const { db, member: actor } = asMember(ctx);
  const limit = input.limit ?? 20;
  // The admin sees the whole committee; a secretary only the own branch.
  const filter: Record<string, unknown> = actor.roles.includes('committeeAdmin')
    ? { committeeId: actor.committeeId }
    : { branchId: actor.branchId };
  if (input.before) {
    const before = new Date(input.before);
    if (Number.isNaN(before.getTime())) throw new AppError('INVALID_INPUT', undefined, { before: '时间格式不正确' });
    filter.at = db.command.lt(before);
  }
  const { data } = await db.collection(COLLECTIONS.auditLog).where(filter).orderBy('at', 'desc').limit(limit + 1).get();
  const rows = (data as unknown[]).map((row) => auditEntryDoc.parse(row));
  const page = rows.slice(0, limit);
  const branchIds = [...new Set(page.flatMap((e) => (e.branchId ? [e.branchId] : [])))];
  const branchList = branchIds.length ? await findAll(db, COLLECTIONS.branches, { _id: db.command.in(branchIds) }, branchDoc) : [];
  const names = new Map(branchList.map((b) => [b._id, b.name]));
  return {
    entries: page.map((e) => ({
      id: e._id,
      branch: e.branchId ? { id: e.branchId, name: names.get(e.branchId) ?? '' } : null,
      actor: { id: e.actorId, name: e.actorName },
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      before: redact(e.before, maySeePhonesOf(actor, e.branchId)),
      after: redact(e.after, maySeePhonesOf(actor, e.branchId)),
      at: e.at.toISOString(),
    })),
    next: rows.length > limit ? page[page.length - 1].at.toISOString() : null,
  };
}

/**
 * The log keeps everything; what it shows never includes a WeChat identity, and phone numbers
 * (a member's, a join request's) only to the secretary of the entry's branch — the same rule
 * as every member view (`maySeePhone`): the committee admin reads them masked.
 */
function redact(value: unknown, showPhones: boolean): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, showPhones));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'openid') out[key] = v ? '（已绑定）' : null;
    else if (key === 'phone' && typeof v === 'string') out[key] = showPhones ? v : maskPhone(v);
    else out[key] = v instanceof Date ? v.toISOString() : redact(v, showPhones);
  }
  return out;
}
