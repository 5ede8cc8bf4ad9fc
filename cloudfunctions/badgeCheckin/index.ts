/**
 * Cloud function `badgeCheckin`: 徽章打卡. Once per China calendar day a member checks in with
 * a camera photo showing the Party badge (image-checked before anything is written), with an
 * optional place; one document per member and day (`<memberId>:<day>`) makes a second
 * check-in the same day a no-op, and 佩戴党徽打卡 is awarded once per day through the engine.
 */
import { z } from 'zod';
import type { ActionInput, ActionOutput, CheckinView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { CHECKIN_HISTORY_DAYS } from '../../shared/domain/identity';
import { groupDoc, memberDoc, type MemberDoc } from '../../shared/domain/org';
import { countedDays, streak } from '../../shared/identity/checkins';
import { rate } from '../../shared/domain/rates';
import { chinaDay, shiftDay } from '../../shared/time/china';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { requireFolder, tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award, ensureAwarded, entryId, type AwardRequest } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, findEvery, withoutId } from '../_shared/repo';
import { inTransaction } from '../_shared/transaction';

const checkinDoc = z.object({
  _id: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  groupId: z.string().nullable(),
  /** The China calendar day it counts for (DESIGN §6), beside the instant. */
  day: z.string(),
  at: z.date(),
  photo: z.string(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().nullable() }).nullable(),
});
type CheckinDoc = z.infer<typeof checkinDoc>;

const MAX_PERIOD_DAYS = 366;

async function views(docs: readonly CheckinDoc[]): Promise<CheckinView[]> {
  const urls = await tempUrls(docs.map((d) => d.photo));
  return docs.map((d) => ({ day: d.day, at: d.at.toISOString(), member: { id: d.memberId, name: d.memberName }, photoUrl: urls.get(d.photo) ?? null, place: d.location?.name ?? null }));
}

/** The member's recent check-ins, newest first (the streak and this month need no more). */
async function recent(db: Database, memberId: string, today: string): Promise<CheckinDoc[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.badgeCheckins)
    .where({ memberId, day: _.gte(shiftDay(today, -CHECKIN_HISTORY_DAYS)) })
    .orderBy('day', 'desc')
    .limit(1000)
    .get();
  return (data as unknown[]).map((row) => checkinDoc.parse(row));
}

const checkinAward = (member: MemberDoc, checkin: CheckinDoc): AwardRequest => ({ member, rule: 'badgeCheckin', source: `checkin:${checkin.day}`, label: `${checkin.day} 佩戴党徽打卡`, at: checkin.at });

async function submit(input: ActionInput<'badgeCheckin.submit'>, ctx: ActionContext): Promise<ActionOutput<'badgeCheckin.submit'>> {
  const { db, member, now } = asMember(ctx);
  const today = chinaDay(now);
  requireFolder([input.photo], `checkins/${member._id}`, 'photo', '照片不属于您，请重新拍摄');
  const history = await recent(db, member._id, today);
  const done = history.find((c) => c.day === today);
  if (done) {
    // A retry may follow a call that stored the check-in and died before its award.
    await ensureAwarded(db, await rulesFor(db, member.committeeId), checkinAward(member, done));
    return { checkin: (await views([done]))[0], alreadyToday: true, streak: streak(history.map((c) => c.day), today) };
  }

  // The photo is the check-in: if WeChat finds it risky, the day's points are reversed.
  const awardEntryId = entryId('badgeCheckin', member._id, `checkin:${today}`);
  await requireImages(asMember(ctx), [input.photo], { folder: `checkins/${member._id}`, field: 'photo', notOwn: '照片不属于您，请重新拍摄', awardEntryId });

  const id = `${member._id}:${today}`;
  const doc: CheckinDoc = { _id: id, committeeId: member.committeeId, branchId: member.branchId, memberId: member._id, memberName: member.name, groupId: member.groupId, day: today, at: now, photo: input.photo, location: input.location };
  const { stored, already } = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.badgeCheckins).doc(id).get();
    if (data) return { stored: checkinDoc.parse({ _id: id, ...(data as object) }), already: true };
    await t.collection(COLLECTIONS.badgeCheckins).doc(id).set(withoutId(doc));
    return { stored: doc, already: false };
  });
  // One award per member and China day, however often the phone retries.
  await award(db, await rulesFor(db, member.committeeId), checkinAward(member, stored));
  const days = [today, ...history.map((c) => c.day)];
  return { checkin: (await views([stored]))[0], alreadyToday: already, streak: streak(days, today) };
}

async function mine(input: ActionInput<'badgeCheckin.mine'>, ctx: ActionContext): Promise<ActionOutput<'badgeCheckin.mine'>> {
  const { db, member, now } = asMember(ctx);
  const today = chinaDay(now);
  const month = input.month ?? today.slice(0, 7);
  const history = await recent(db, member._id, today);
  let inMonth = history.filter((c) => c.day.startsWith(month)).map((c) => c.day);
  if (month < shiftDay(today, -CHECKIN_HISTORY_DAYS).slice(0, 7)) {
    // An old month: beyond the recent history, read it directly.
    const _ = db.command;
    const old = await findAll(db, COLLECTIONS.badgeCheckins, { memberId: member._id, day: _.and(_.gte(`${month}-01`), _.lte(`${month}-31`)) }, checkinDoc);
    inMonth = old.map((c) => c.day);
  }
  const days = history.map((c) => c.day);
  return { today, checkedToday: days.includes(today), streak: streak(days, today), month, days: inMonth.sort(), total: days.length };
}

async function wall(input: ActionInput<'badgeCheckin.wall'>, ctx: ActionContext): Promise<ActionOutput<'badgeCheckin.wall'>> {
  const { db, member, now } = asMember(ctx);
  const day = input.day ?? chinaDay(now);
  const [docs, members] = await Promise.all([
    findAll(db, COLLECTIONS.badgeCheckins, { branchId: member.branchId, day }, checkinDoc),
    db.collection(COLLECTIONS.members).where({ branchId: member.branchId }).count(),
  ]);
  return { day, items: await views(docs.sort((a, b) => a.at.getTime() - b.at.getTime())), members: members.total ?? 0 };
}

async function rates(input: ActionInput<'badgeCheckin.rates'>, ctx: ActionContext): Promise<ActionOutput<'badgeCheckin.rates'>> {
  const { db, member: actor, now } = asMember(ctx);
  const days = countedDays(input.from, input.to, chinaDay(now));
  if (countedDays(input.from, input.to, input.to) > MAX_PERIOD_DAYS) throw new AppError('INVALID_INPUT', '统计时段最长一年', { to: '统计时段最长一年' });
  const _ = db.command;
  const [members, groups, checkins] = await Promise.all([
    findAll(db, COLLECTIONS.members, { branchId: actor.branchId }, memberDoc),
    findAll(db, COLLECTIONS.groups, { branchId: actor.branchId }, groupDoc),
    findEvery(db, COLLECTIONS.badgeCheckins, { branchId: actor.branchId, day: _.and(_.gte(input.from), _.lte(input.to)) }, checkinDoc),
  ]);
  const count = new Map<string, number>();
  for (const c of checkins) count.set(c.memberId, (count.get(c.memberId) ?? 0) + 1);
  const groupName = new Map(groups.map((g) => [g._id, g.name]));
  const rows = members
    .map((m) => ({ id: m._id, name: m.name, group: m.groupId ? (groupName.get(m.groupId) ?? null) : null, groupId: m.groupId, checkins: count.get(m._id) ?? 0 }))
    .map((r) => ({ ...r, rate: rate(r.checkins, days) }));
  const groupRows = [...groups.map((g) => ({ id: g._id as string | null, name: g.name })), { id: null, name: '未分组' }]
    .map((g) => {
      const inGroup = rows.filter((r) => r.groupId === g.id);
      return { id: g.id, name: g.name, members: inGroup.length, rate: rate(inGroup.reduce((s, r) => s + r.checkins, 0), inGroup.length * days) };
    })
    .filter((g) => g.id !== null || g.members > 0);
  return {
    from: input.from,
    to: input.to,
    days,
    branch: { rate: rate(rows.reduce((s, r) => s + r.checkins, 0), rows.length * days) },
    groups: groupRows,
    members: rows.sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'zh-CN')).map(({ groupId: _g, ...r }) => r),
  };
}

export const main = defineFunction('badgeCheckin')({ submit, mine, wall, rates });
