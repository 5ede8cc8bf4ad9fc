/**
 * Cloud function `volunteer`: 社会责任 — volunteer activities, the hours each member served
 * (claimed by the member, confirmed by the activity's organiser) and 志愿服务 points per
 * confirmed hour through the engine, once per record.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput, VolunteerActivityView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc } from '../../shared/domain/org';
import { VOLUNTEER_RECORD_STATUSES } from '../../shared/domain/work';
import { chinaQuarter } from '../../shared/time/china';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { award } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, newId, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';
import { requirePlannedWithin } from '../_shared/planning';

const activityDoc = z.object({ _id: z.string(), committeeId: z.string(), branchId: z.string(), title: z.string(), startsAt: z.date(), place: z.string(), organiserId: z.string(), organiserName: z.string(), createdAt: z.date() });
type ActivityDoc = z.infer<typeof activityDoc>;
/** `_id` = `<activityId>_<memberId>` (a record id the contract accepts). */
const recordDoc = z.object({
  _id: z.string(),
  activityId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** The China year of the activity, for yearly hours. */
  year: z.number().int(),
  hours: z.number(),
  note: z.string(),
  status: z.enum(VOLUNTEER_RECORD_STATUSES),
  decidedAt: z.date().nullable(),
});
type RecordDoc = z.infer<typeof recordDoc>;

async function views(db: Database, docs: readonly ActivityDoc[]): Promise<VolunteerActivityView[]> {
  const records = docs.length ? await findAll(db, COLLECTIONS.volunteerRecords, { activityId: db.command.in(docs.map((d) => d._id)) }, recordDoc) : [];
  return docs.map((d) => ({
    id: d._id,
    title: d.title,
    startsAt: d.startsAt.toISOString(),
    place: d.place,
    organiser: { id: d.organiserId, name: d.organiserName },
    records: records.filter((r) => r.activityId === d._id).map((r) => ({ id: r._id, member: { id: r.memberId, name: r.memberName }, hours: r.hours, status: r.status, note: r.note })),
  }));
}

async function one(db: Database, id: string): Promise<VolunteerActivityView> {
  const doc = await getById(db, COLLECTIONS.volunteerActivities, id, activityDoc);
  if (!doc) throw new AppError('NOT_FOUND', '志愿活动不存在');
  return (await views(db, [doc]))[0];
}

async function create(input: ActionInput<'volunteer.create'>, ctx: ActionContext): Promise<ActionOutput<'volunteer.create'>> {
  const { db, member: actor, now } = asMember(ctx);
  requirePlannedWithin(new Date(input.startsAt), now, 'startsAt');
  const organiser = await getInBranch(db, COLLECTIONS.members, input.organiserId, memberDoc, actor.branchId, '组织人不存在');
  const doc: ActivityDoc = { _id: newId('va'), committeeId: actor.committeeId, branchId: actor.branchId, title: input.title, startsAt: new Date(input.startsAt), place: input.place, organiserId: organiser._id, organiserName: organiser.name, createdAt: now };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.volunteerActivities).doc(doc._id).set(withoutId(doc));
    await audit(t, actor, now, { action: 'volunteer.create', targetType: 'volunteerActivity', targetId: doc._id, branchId: actor.branchId, before: null, after: { title: doc.title, organiser: organiser.name } });
  });
  return (await views(db, [doc]))[0];
}

async function list(_input: ActionInput<'volunteer.list'>, ctx: ActionContext): Promise<ActionOutput<'volunteer.list'>> {
  const { db, member } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.volunteerActivities, { branchId: member.branchId }, activityDoc);
  return { items: await views(db, docs.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())) };
}

async function claim(input: ActionInput<'volunteer.claim'>, ctx: ActionContext): Promise<ActionOutput<'volunteer.claim'>> {
  const { db, member } = asMember(ctx);
  const activity = await getInBranch(db, COLLECTIONS.volunteerActivities, input.activityId, activityDoc, member.branchId, '志愿活动不存在');
  const id = `${activity._id}_${member._id}`;
  await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.volunteerRecords).doc(id).get();
    const before = data ? recordDoc.parse({ _id: id, ...(data as object) }) : null;
    if (before?.status === 'confirmed') throw new AppError('CONFLICT', '时长已确认，不能再修改');
    const next: RecordDoc = { _id: id, activityId: activity._id, branchId: activity.branchId, memberId: member._id, memberName: member.name, year: Number(chinaQuarter(activity.startsAt).slice(0, 4)), hours: input.hours, note: input.note, status: 'claimed', decidedAt: null };
    await t.collection(COLLECTIONS.volunteerRecords).doc(id).set(withoutId(next));
  });
  return one(db, activity._id);
}

async function confirm(input: ActionInput<'volunteer.confirm'>, ctx: ActionContext): Promise<ActionOutput<'volunteer.confirm'>> {
  const { db, member: organiser, now } = asMember(ctx);
  const record = await getInBranch(db, COLLECTIONS.volunteerRecords, input.recordId, recordDoc, organiser.branchId, '服务记录不存在');
  const activity = await getInBranch(db, COLLECTIONS.volunteerActivities, record.activityId, activityDoc, organiser.branchId, '志愿活动不存在');
  // The organiser confirms; the secretary may too (e.g. the organiser's own hours). Nobody confirms their own.
  if (activity.organiserId !== organiser._id && !organiser.roles.includes('secretary')) throw new AppError('FORBIDDEN', '只有活动组织人或书记可以确认服务时长');
  if (record.memberId === organiser._id) throw new AppError('FORBIDDEN', '不能确认自己的服务时长，请组织人或书记确认');
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.volunteerRecords).doc(record._id).get();
    const before = recordDoc.parse({ _id: record._id, ...(data as object) });
    if (before.status === 'confirmed') return before;
    const next: RecordDoc = { ...before, status: input.approve ? 'confirmed' : 'rejected', hours: input.approve ? (input.hours ?? before.hours) : before.hours, decidedAt: now };
    await t.collection(COLLECTIONS.volunteerRecords).doc(record._id).set(withoutId(next));
    return next;
  });
  if (after.status === 'confirmed') {
    const member = await getById(db, COLLECTIONS.members, after.memberId, memberDoc);
    // Hours are the quantity: 1 point an hour by default, capped per quarter by the rule.
    if (member?.branchId) await award(db, await rulesFor(db, member.committeeId), { member, rule: 'volunteerHour', source: `volunteer:${after._id}`, label: `${activity.title}（${after.hours} 小时）`, quantity: after.hours, at: now });
  }
  return one(db, activity._id);
}

async function hours(input: ActionInput<'volunteer.hours'>, ctx: ActionContext): Promise<ActionOutput<'volunteer.hours'>> {
  const { db, member, now } = asMember(ctx);
  const year = input.year ?? Number(chinaQuarter(now).slice(0, 4));
  const filter: Record<string, unknown> = { branchId: member.branchId, year, status: 'confirmed' };
  const everyone = member.roles.includes('secretary');
  if (!everyone) filter.memberId = member._id;
  const [records, members] = await Promise.all([findAll(db, COLLECTIONS.volunteerRecords, filter, recordDoc), everyone ? findAll(db, COLLECTIONS.members, { branchId: member.branchId }, memberDoc) : Promise.resolve([member])]);
  return {
    year,
    members: members
      .map((m) => {
        const mine = records.filter((r) => r.memberId === m._id);
        return { id: m._id, name: m.name, hours: mine.reduce((s, r) => s + r.hours, 0), activities: mine.length };
      })
      .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

export const main = defineFunction('volunteer')({ create, list, claim, confirm, hours });
