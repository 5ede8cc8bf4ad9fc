/**
 * WeChat one-time subscribe messages: each time a member accepts, WeChat allows one
 * message of that template. The credits are counted here so a notice goes only to members
 * who accepted, and each send spends one.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../shared/db/collections';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplate } from '../../shared/domain/study';
import { keysVariable, templateData, templateKeys, type TemplateFields } from '../../shared/domain/subscribe-templates';
import type { Database } from './cloud';
import { getById } from './repo';
import { wechat } from './wechat';

export const subscriptionDoc = z.object({
  _id: z.string(),
  memberId: z.string(),
  template: z.enum(SUBSCRIBE_TEMPLATES),
  credits: z.number().int(),
  updatedAt: z.date(),
});

/** WeChat allows a page to ask for the same template repeatedly; keep a sane ceiling. */
const MAX_CREDITS = 20;

/** WeChat's errcode when the member has no subscription (left) for the template. */
const REFUSED_BY_MEMBER = 43101;

export const subscriptionId = (memberId: string, template: SubscribeTemplate) => `${memberId}:${template}`;

/** Template ids are set per deployment (DEPLOY.md); the local fakes accept any id. */
export function templateId(template: SubscribeTemplate): string {
  const env: Record<SubscribeTemplate, string | undefined> = {
    studyPush: process.env.TONGXIN_TPL_STUDY_PUSH,
    meeting: process.env.TONGXIN_TPL_MEETING,
    task: process.env.TONGXIN_TPL_TASK,
  };
  return env[template] || `local-${template}`;
}

export async function addCredit(db: Database, memberId: string, template: SubscribeTemplate, now: Date): Promise<number> {
  const id = subscriptionId(memberId, template);
  const current = await getById(db, COLLECTIONS.subscriptions, id, subscriptionDoc);
  const credits = Math.min(MAX_CREDITS, (current?.credits ?? 0) + 1);
  await db.collection(COLLECTIONS.subscriptions).doc(id).set({ memberId, template, credits, updatedAt: now });
  return credits;
}

export async function creditsOf(db: Database, memberId: string, template: SubscribeTemplate): Promise<number> {
  return (await getById(db, COLLECTIONS.subscriptions, subscriptionId(memberId, template), subscriptionDoc))?.credits ?? 0;
}

export interface Recipient {
  memberId: string;
  openid: string | null;
}

/** Sends one notice to each recipient who has a credit left; returns how many were sent. */
export async function notify<T extends SubscribeTemplate>(
  db: Database,
  template: T,
  recipients: readonly Recipient[],
  message: { page: string; fields: TemplateFields<T> },
  now: Date,
): Promise<number> {
  // The template's keys as configured for this account (a wrong setting fails loudly, before any send).
  const content = templateData(template, message.fields, templateKeys(template, process.env[keysVariable(template)]));
  const withOpenid = recipients.filter((r): r is Recipient & { openid: string } => Boolean(r.openid));
  if (!withOpenid.length) return 0;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.subscriptions)
    .where({ _id: _.in(withOpenid.map((r) => subscriptionId(r.memberId, template))), credits: _.gt(0) })
    .limit(1000)
    .get();
  const credited = new Map((data as unknown[]).map((row) => subscriptionDoc.parse(row)).map((s) => [s.memberId, s]));
  let sent = 0;
  for (const r of withOpenid) {
    const sub = credited.get(r.memberId);
    if (!sub) continue;
    try {
      await wechat().sendSubscribeMessage({ touser: r.openid, templateId: templateId(template), page: message.page, data: content });
    } catch (error) {
      // A send that failed spends nothing; 43101 means the member no longer accepts this
      // template in WeChat, so the credits we counted are gone. Anything else (47003: the
      // template's keys do not match what was sent) is the deployment's, logged for the operator.
      const errcode = (error as { errcode?: number }).errcode;
      if (errcode === REFUSED_BY_MEMBER) await db.collection(COLLECTIONS.subscriptions).doc(sub._id).update({ credits: 0, updatedAt: now });
      else console.error(`[tongxin] subscribe message ${template} not sent (errcode ${String(errcode)})`, error);
      continue;
    }
    // Spent once WeChat took it. A crash between the two sends one notice the credit did not
    // pay for; WeChat refuses it (43101) if the member had none left, so nobody gets two.
    await db.collection(COLLECTIONS.subscriptions).doc(sub._id).update({ credits: _.inc(-1), updatedAt: now });
    sent += 1;
  }
  return sent;
}
