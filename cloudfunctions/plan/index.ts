/** Cloud function `plan`: the branch's annual plan (计划上墙) — items with an owner and quarterly targets and results. */
import { z } from 'zod';
import type { ActionInput, ActionOutput, PlanItemView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { audit } from '../_shared/audit';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { findAll, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const planItemDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  year: z.number().int(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  targets: z.array(z.string()),
  results: z.array(z.string()),
  updatedAt: z.date(),
});
type PlanItemDoc = z.infer<typeof planItemDoc>;

const view = (d: PlanItemDoc): PlanItemView => ({ id: d._id, year: d.year, title: d.title, owner: { id: d.ownerId, name: d.ownerName }, targets: d.targets, results: d.results });

async function items(input: ActionInput<'plan.items'>, ctx: ActionContext): Promise<ActionOutput<'plan.items'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.planItems, { branchId: member.branchId, year: input.year }, planItemDoc);
  return { year: input.year, items: docs.sort((a, b) => a.title.localeCompare(b.title, 'zh')).map(view) };
}

async function saveItem(input: ActionInput<'plan.saveItem'>, ctx: ActionContext): Promise<ActionOutput<'plan.saveItem'>> {
  const { db, member: actor, now } = asMember(ctx);
  const owner = await getInBranch(db, COLLECTIONS.members, input.ownerId, memberDoc, actor.branchId, '负责人不存在');
  const after = await inTransaction(db, async (t) => {
    let before: PlanItemDoc | null = null;
    if (input.itemId) {
      const { data } = await t.collection(COLLECTIONS.planItems).doc(input.itemId).get();
      before = data ? planItemDoc.parse(data) : null;
      if (!before || before.branchId !== actor.branchId) throw new AppError('NOT_FOUND', '计划事项不存在');
    }
    const next: PlanItemDoc = {
      _id: before?._id ?? newId('plan'),
      branchId: actor.branchId,
      year: input.year,
      title: input.title,
      ownerId: owner._id,
      ownerName: owner.name,
      targets: input.targets,
      results: input.results,
      updatedAt: now,
    };
    await t.collection(COLLECTIONS.planItems).doc(next._id).set(withoutId(next));
    await audit(t, actor, now, { action: 'plan.saveItem', targetType: 'planItem', targetId: next._id, branchId: actor.branchId, before, after: next });
    return next;
  });
  return view(after);
}

export const main = defineFunction('plan')({ items, saveItem });
