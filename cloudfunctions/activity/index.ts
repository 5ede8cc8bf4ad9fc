/**
 * Cloud function `activity`: 主题党日. The secretary creates an activity (theme, time, place,
 * capacity, whether 重温入党誓词 is part of it); members sign up (the last place is decided in
 * a transaction); on site they scan a rotating QR to sign in (attendance and oath once,
 * points once); afterwards the secretary records the summary and photos.
 */
import type { ActionInput, ActionOutput, ActivityView } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import type { MemberDoc } from '../../shared/domain/org';
import { audit } from '../_shared/audit';
import type { Database } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { tempUrls } from '../_shared/files';
import { requireImages } from '../_shared/content';
import { award } from '../_shared/points/engine';
import { rulesFor } from '../_shared/points/rules';
import { findAll, getById, getInBranch, withoutId } from '../_shared/repo';
import { scannedSubject, shortId, signInCode } from '../_shared/signin';
import { newSecret } from '../_shared/signin-token';
import { inTransaction } from '../_shared/transaction';
import { activityDoc, personDoc, personId, SIGN_IN_PAGE, summaryFolder, type ActivityDoc, type PersonDoc } from './docs';
import { requirePlannedWithin } from '../_shared/planning';

const NOT_FOUND = '活动不存在或已被删除';

async function peopleOf(db: Database, activityIds: readonly string[]): Promise<PersonDoc[]> {
  if (!activityIds.length) return [];
  return findAll(db, COLLECTIONS.activityPeople, { activityId: db.command.in([...activityIds]) }, personDoc);
}

async function views(db: Database, docs: readonly ActivityDoc[], viewer: MemberDoc, now: Date): Promise<ActivityView[]> {
  const [people, urls] = await Promise.all([peopleOf(db, docs.map((d) => d._id)), tempUrls(docs.flatMap((d) => d.summary?.photos ?? []))]);
  return docs.map((d) => {
    const mine = people.find((p) => p.activityId === d._id && p.memberId === viewer._id);
    return {
      id: d._id,
      theme: d.theme,
      startsAt: d.startsAt.toISOString(),
      place: d.place,
      detail: d.detail,
      capacity: d.capacity,
      oath: d.oath,
      signedUp: d.signedUpCount,
      present: people.filter((p) => p.activityId === d._id && p.present).length,
      mine: { signedUp: mine?.signedUp ?? false, present: mine?.present ?? false, oath: mine?.oath ?? false },
      summary: d.summary ? { text: d.summary.text, photoUrls: d.summary.photos.flatMap((p) => (urls.has(p) ? [urls.get(p) as string] : [])), at: d.summary.at.toISOString() } : null,
      past: d.startsAt.getTime() < now.getTime(),
    };
  });
}

async function one(ctx: ActionContext, doc: ActivityDoc): Promise<ActivityView> {
  const { db, member, now } = asMember(ctx);
  return (await views(db, [doc], member, now))[0];
}

async function create(input: ActionInput<'activity.create'>, ctx: ActionContext): Promise<ActionOutput<'activity.create'>> {
  const { db, member: actor, now } = asMember(ctx);
  requirePlannedWithin(new Date(input.startsAt), now, 'startsAt');
  const doc: ActivityDoc = {
    _id: shortId('ac'),
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    theme: input.theme,
    startsAt: new Date(input.startsAt),
    place: input.place,
    detail: input.detail,
    capacity: input.capacity,
    oath: input.oath,
    signedUpCount: 0,
    secret: newSecret(),
    summary: null,
    createdBy: actor._id,
    createdAt: now,
  };
  await inTransaction(db, async (t) => {
    await t.collection(COLLECTIONS.activities).doc(doc._id).set(withoutId(doc));
    const { secret: _secret, ...shown } = doc;
    await audit(t, actor, now, { action: 'activity.create', targetType: 'activity', targetId: doc._id, branchId: actor.branchId, before: null, after: { ...shown, startsAt: doc.startsAt.toISOString() } });
  });
  return one(ctx, doc);
}

async function list(_input: ActionInput<'activity.list'>, ctx: ActionContext): Promise<ActionOutput<'activity.list'>> {
  const { db, member, now } = asMember(ctx);
  const docs = await findAll(db, COLLECTIONS.activities, { branchId: member.branchId }, activityDoc);
  const shown = await views(db, docs, member, now);
  return {
    upcoming: shown.filter((a) => !a.past).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    past: shown.filter((a) => a.past).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
  };
}

async function get(input: ActionInput<'activity.get'>, ctx: ActionContext): Promise<ActionOutput<'activity.get'>> {
  const { db, member, now } = asMember(ctx);
  const doc = await getInBranch(db, COLLECTIONS.activities, input.activityId, activityDoc, member.branchId, NOT_FOUND);
  const [view] = await views(db, [doc], member, now);
  if (!member.roles.includes('secretary')) return { activity: view, people: null };
  const people = await peopleOf(db, [doc._id]);
  return {
    activity: view,
    people: people
      .filter((p) => p.signedUp || p.present)
      .sort((a, b) => Number(b.present) - Number(a.present) || a.memberName.localeCompare(b.memberName, 'zh-CN'))
      .map((p) => ({ id: p.memberId, name: p.memberName, signedUp: p.signedUp, present: p.present })),
  };
}

async function signUp(input: ActionInput<'activity.signUp'>, ctx: ActionContext): Promise<ActionOutput<'activity.signUp'>> {
  const { db, member, now } = asMember(ctx);
  const found = await getInBranch(db, COLLECTIONS.activities, input.activityId, activityDoc, member.branchId, NOT_FOUND);
  if (found.startsAt.getTime() <= now.getTime()) throw new AppError('CONFLICT', '活动已开始，不能再报名或取消');
  const id = personId(found._id, member._id);
  // The count lives on the activity: two members racing for the last place conflict here, and the retry sees it full.
  const after = await inTransaction(db, async (t) => {
    const [{ data: activityData }, { data: personData }] = [await t.collection(COLLECTIONS.activities).doc(found._id).get(), await t.collection(COLLECTIONS.activityPeople).doc(id).get()];
    const activity = activityDoc.parse({ _id: found._id, ...(activityData as object) });
    const before = personData ? personDoc.parse({ _id: id, ...(personData as object) }) : null;
    if (Boolean(before?.signedUp) === input.going) return activity;
    if (input.going && activity.capacity > 0 && activity.signedUpCount >= activity.capacity) throw new AppError('CONFLICT', '报名人数已满');
    const next: PersonDoc = before
      ? { ...before, signedUp: input.going, at: now }
      : { _id: id, activityId: activity._id, branchId: activity.branchId, memberId: member._id, memberName: member.name, signedUp: input.going, present: false, oath: false, at: now };
    await t.collection(COLLECTIONS.activityPeople).doc(id).set(withoutId(next));
    const signedUpCount = activity.signedUpCount + (input.going ? 1 : -1);
    await t.collection(COLLECTIONS.activities).doc(activity._id).update({ signedUpCount });
    return { ...activity, signedUpCount };
  });
  return one(ctx, after);
}

async function code(input: ActionInput<'activity.signInCode'>, ctx: ActionContext): Promise<ActionOutput<'activity.signInCode'>> {
  const { db, member, now } = asMember(ctx);
  const doc = await getInBranch(db, COLLECTIONS.activities, input.activityId, activityDoc, member.branchId, NOT_FOUND);
  return signInCode(doc._id, doc.secret, SIGN_IN_PAGE, now);
}

async function signIn(input: ActionInput<'activity.signIn'>, ctx: ActionContext): Promise<ActionOutput<'activity.signIn'>> {
  const { db, member, now } = asMember(ctx);
  // Another branch's activity, or a meeting's token, answers like a missing activity.
  const activity = await scannedSubject(
    input.token,
    async (activityId) => {
      const found = await getById(db, COLLECTIONS.activities, activityId, activityDoc);
      return found && found.branchId === member.branchId ? { doc: found, secret: found.secret } : null;
    },
    now,
    { notFound: NOT_FOUND, invalid: '这不是有效的签到码，请扫描活动现场展示的签到二维码' },
  );
  const id = personId(activity._id, member._id);
  const already = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.activityPeople).doc(id).get();
    const before = data ? personDoc.parse({ _id: id, ...(data as object) }) : null;
    if (before?.present) return true;
    const next: PersonDoc = before
      ? { ...before, present: true, oath: activity.oath, at: now }
      : { _id: id, activityId: activity._id, branchId: activity.branchId, memberId: member._id, memberName: member.name, signedUp: false, present: true, oath: activity.oath, at: now };
    await t.collection(COLLECTIONS.activityPeople).doc(id).set(withoutId(next));
    return false;
  });
  // Also on a repeated scan: idempotent, so a sign-in whose award failed half-way completes.
  await award(db, await rulesFor(db, member.committeeId), { member, rule: 'themedActivity', source: `activity:${activity._id}`, label: activity.theme, at: now });
  return { activity: await one(ctx, activity), alreadySignedIn: already };
}

async function saveSummary(input: ActionInput<'activity.saveSummary'>, ctx: ActionContext): Promise<ActionOutput<'activity.saveSummary'>> {
  const { db, member: actor, now } = asMember(ctx);
  const found = await getInBranch(db, COLLECTIONS.activities, input.activityId, activityDoc, actor.branchId, NOT_FOUND);
  if (found.startsAt.getTime() > now.getTime()) throw new AppError('CONFLICT', '活动开始后才能填写活动小结');
  await requireImages(asMember(ctx), input.photos, { folder: summaryFolder(found._id), field: 'photos', notOwn: '照片不属于该活动，请重新上传' });
  const after = await inTransaction(db, async (t) => {
    const { data } = await t.collection(COLLECTIONS.activities).doc(found._id).get();
    const before = activityDoc.parse({ _id: found._id, ...(data as object) });
    const summary = { text: input.text, photos: input.photos, at: now };
    await t.collection(COLLECTIONS.activities).doc(found._id).update({ summary });
    await audit(t, actor, now, { action: 'activity.saveSummary', targetType: 'activity', targetId: found._id, branchId: actor.branchId, before: before.summary, after: summary });
    return { ...before, summary };
  });
  return one(ctx, after);
}

export const main = defineFunction('activity')({ create, list, get, signUp, signInCode: code, signIn, saveSummary });

