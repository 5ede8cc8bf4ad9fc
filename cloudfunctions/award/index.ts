/**
 * Cloud function `award`: 年终评优. The year's result per member is the average of the
 * published quarterly scores (which already blend 民主评议); the secretary confirms awards.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { competitionRanks, type Grade } from '../../shared/points/ranking';
import { audit } from '../_shared/audit';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { periodDoc, snapshotDoc, type SnapshotDoc } from '../_shared/periods';
import { findAll, getById, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const yearAwardDoc = z.object({
  _id: z.string(),
  branchId: z.string(),
  year: z.number().int(),
  title: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  confirmedBy: z.string(),
  confirmedAt: z.date(),
});

async function year(input: ActionInput<'award.year'>, ctx: ActionContext): Promise<ActionOutput<'award.year'>> {
  const { db, member } = asMember(ctx);
  const periods = [1, 2, 3, 4].map((q) => `${input.year}Q${q}`);
  const snapshots: Array<SnapshotDoc | null> = await Promise.all(
    periods.map(async (p) => {
      const state = await getById(db, COLLECTIONS.periods, `${member.branchId}_${p}`, periodDoc);
      return state?.publishedVersion ? getById(db, COLLECTIONS.snapshots, `${member.branchId}_${p}_v${state.publishedVersion}`, snapshotDoc) : null;
    }),
  );
  const members = await findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc);
  const rows = members.flatMap((m) => {
    const cells = snapshots.map((s) => s?.rows.find((r) => r.memberId === m._id) ?? null);
    const scored = cells.filter((c): c is NonNullable<typeof c> => c !== null);
    if (scored.length === 0) return [];
    return [{
      memberId: m._id,
      name: m.name,
      quarters: cells.map((c) => c?.score ?? null),
      grades: cells.map((c) => (c?.grade ?? null) as Grade | null),
      score: Math.round((scored.reduce((s, c) => s + c.score, 0) / scored.length) * 100) / 100,
    }];
  });
  return { year: input.year, publishedQuarters: snapshots.filter(Boolean).length, rows: competitionRanks(rows) };
}

async function confirm(input: ActionInput<'award.confirm'>, ctx: ActionContext): Promise<ActionOutput<'award.confirm'>> {
  const { db, member: actor, now } = asMember(ctx);
  const members = await findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc);
  const byId = new Map(members.map((m) => [m._id, m]));
  const chosen = [...new Set(input.memberIds)].map((id) => {
    const m = byId.get(id);
    if (!m) throw new AppError('NOT_FOUND', '成员不存在', { memberIds: '包含非本支部成员' });
    return { id: m._id, name: m.name };
  });
  const doc = { _id: newId('yaward'), branchId: actor.branchId, year: input.year, title: input.title, members: chosen, confirmedBy: actor._id, confirmedAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.yearAwards).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'award.confirm', targetType: 'yearAward', targetId: doc._id, branchId: actor.branchId, before: null, after: doc });
  });
  return { year: input.year, title: input.title, members: chosen };
}

async function list(input: ActionInput<'award.list'>, ctx: ActionContext): Promise<ActionOutput<'award.list'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.yearAwards, { branchId: member.branchId, year: input.year }, yearAwardDoc);
  return { year: input.year, awards: docs.sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime()).map((d) => ({ title: d.title, members: d.members, confirmedAt: d.confirmedAt.toISOString() })) };
}

export const main = defineFunction('award')({ year, confirm, list });
