/**
 * Cloud function `target`: a 突击队 unit's business target (业务发展, e.g. the 排头兵 commando
 * team for channel sales): the metric and goal for a period, and the cumulative value reached
 * over time, recorded by the unit's leader or the secretary.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput, TargetView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { unitDoc } from '../../shared/domain/org';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { findAll, getById, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const targetDoc = z.object({ _id: z.string(), branchId: z.string(), unitId: z.string(), unitName: z.string(), metric: z.string(), measure: z.string(), goal: z.number(), startOn: z.string(), endOn: z.string(), updatedAt: z.date() });
type TargetDoc = z.infer<typeof targetDoc>;
/** `_id` = `<targetId>:<day>`: one value per day (a later entry that day replaces it). */
const entryDoc = z.object({ _id: z.string(), targetId: z.string(), branchId: z.string(), on: z.string(), value: z.number(), note: z.string(), by: z.string(), at: z.date() });

async function views(db: Database, docs: readonly TargetDoc[]): Promise<TargetView[]> {
  const entries = docs.length ? await findAll(db, COLLECTIONS.targetEntries, { targetId: db.command.in(docs.map((d) => d._id)) }, entryDoc) : [];
  return docs.map((d) => {
    const mine = entries.filter((e) => e.targetId === d._id).sort((a, b) => a.on.localeCompare(b.on));
    const current = mine.length ? mine[mine.length - 1].value : 0;
    return {
      id: d._id,
      unit: { id: d.unitId, name: d.unitName },
      metric: d.metric,
      measure: d.measure,
      goal: d.goal,
      startOn: d.startOn,
      endOn: d.endOn,
      current,
      // Exact (a page rounds it, domain/rates.ts): 1 of 5,000 is not 0%. May pass 1.
      progress: d.goal > 0 ? current / d.goal : 0,
      entries: mine.map((e) => ({ id: e._id, on: e.on, value: e.value, note: e.note, by: e.by })),
    };
  });
}

async function save(input: ActionInput<'target.save'>, ctx: ActionContext): Promise<ActionOutput<'target.save'>> {
  const { db, member: actor, now } = asMember(ctx);
  const unit = await getInBranch(db, COLLECTIONS.units, input.unitId, unitDoc, actor.branchId, '岗区队不存在');
  if (unit.kind !== 'squad') throw new AppError('INVALID_INPUT', '业务目标只为党员突击队设置', { unitId: '请选择党员突击队' });
  const before = input.targetId ? await getInBranch(db, COLLECTIONS.targets, input.targetId, targetDoc, actor.branchId, '目标不存在') : null;
  const doc: TargetDoc = { _id: before?._id ?? newId('tg'), branchId: actor.branchId, unitId: unit._id, unitName: unit.name, metric: input.metric, measure: input.measure, goal: input.goal, startOn: input.startOn, endOn: input.endOn, updatedAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.targets).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'target.save', targetType: 'target', targetId: doc._id, branchId: actor.branchId, before, after: doc });
  });
  return (await views(db, [doc]))[0];
}

async function list(_input: ActionInput<'target.list'>, ctx: ActionContext): Promise<ActionOutput<'target.list'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.targets, { branchId: member.branchId }, targetDoc);
  return { items: await views(db, docs.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'))) };
}

async function addProgress(input: ActionInput<'target.addProgress'>, ctx: ActionContext): Promise<ActionOutput<'target.addProgress'>> {
  const { db, member, now } = asMember(ctx);
  const target = await getInBranch(db, COLLECTIONS.targets, input.targetId, targetDoc, member.branchId, '目标不存在');
  const unit = await getById(db, COLLECTIONS.units, target.unitId, unitDoc);
  if (unit?.leaderId !== member._id && !member.roles.includes('secretary')) throw new AppError('FORBIDDEN', '只有突击队队长或书记可以录入进度');
  if (input.on < target.startOn || input.on > target.endOn) throw new AppError('INVALID_INPUT', `日期须在 ${target.startOn} 至 ${target.endOn} 之间`, { on: '日期不在目标期内' });
  const id = `${target._id}:${input.on}`;
  await db.collection(COLLECTIONS.targetEntries).doc(id).set({ targetId: target._id, branchId: target.branchId, on: input.on, value: input.value, note: input.note, by: member.name, at: now });
  return (await views(db, [target]))[0];
}

export const main = defineFunction('target')({ save, list, addProgress });
