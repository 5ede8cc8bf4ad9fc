/**
 * WeChat's asynchronous image check (security.mediaCheckAsync, version 2), the one WeChat
 * maintains (imgSecCheck 1.0 is frozen and refuses ordinary phone photos). An image a member
 * stores is held — no view gives it a URL (`hiddenFiles`) — from before its record is written
 * until WeChat's answer arrives at the `mediaCheck` function:
 * 1. `holdImages` (from `requireImages`, before the record is written) writes a pending check
 *    per file, naming the award the image earned, if any.
 * 2. The runtime submits the call's held images after the handler (`submitHeld`); a timer
 *    resubmits any that a crash left unsent.
 * 3. `settle` (the `mediaCheck` function, on WeChat's `wxa_media_check` push) marks the check
 *    passed or risky; a risky image stays hidden for good and the award it carried is reversed,
 *    audited. The trace id, known only to the functions and WeChat, is the push's authority.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../shared/db/collections';
import { ledgerEntryDoc } from '../../shared/points/ledger';
import { cloud, type Database } from './cloud';
import { audit } from './audit';
import { reverse } from './points/engine';
import { idFor } from './repo';
import { wechat } from './wechat';

export const mediaCheckDoc = z.object({
  _id: z.string(),
  fileId: z.string(),
  memberId: z.string(),
  committeeId: z.string(),
  branchId: z.string(),
  /** The caller's openid: WeChat checks media for a user who opened the mini-program lately. */
  openid: z.string(),
  status: z.enum(['pending', 'pass', 'risky']),
  traceId: z.string().nullable(),
  /** The ledger entry the image earned (a check-in), reversed if the image is risky. */
  awardEntryId: z.string().nullable(),
  heldAt: z.coerce.date(),
  submittedAt: z.coerce.date().nullable(),
  settledAt: z.coerce.date().nullable(),
  label: z.number().nullable(),
});
export type MediaCheckDoc = z.infer<typeof mediaCheckDoc>;

export const checkIdOf = (fileId: string): string => idFor('mc', fileId);

export interface Holder {
  db: Database;
  openid: string;
  member: { _id: string; committeeId: string; branchId: string | null };
  now: Date;
  /** The images this call holds, submitted by the runtime once the handler is done. */
  heldImages: string[];
}

/** Writes a pending check for each file not yet checked; they are hidden from now on. */
export async function holdImages(holder: Holder, fileIds: readonly string[], awardEntryId: string | null = null): Promise<void> {
  const { db, member, now, openid } = holder;
  await Promise.all(
    [...new Set(fileIds)].map(async (fileId) => {
      const doc: Omit<MediaCheckDoc, '_id'> = {
        fileId,
        memberId: member._id,
        committeeId: member.committeeId,
        branchId: member.branchId ?? '',
        openid,
        status: 'pending',
        traceId: null,
        awardEntryId,
        heldAt: now,
        submittedAt: null,
        settledAt: null,
        label: null,
      };
      try {
        await db.collection(COLLECTIONS.mediaChecks).add({ _id: checkIdOf(fileId), ...doc });
      } catch (error) {
        // Held already (a retry of the same call): keep the first check.
        if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
      }
      holder.heldImages.push(fileId);
    }),
  );
}

/** Sends held images to WeChat; a failure is left for the timer to resend. */
export async function submitHeld(db: Database, fileIds: readonly string[], now: Date): Promise<void> {
  if (!fileIds.length) return;
  const { data } = await db.collection(COLLECTIONS.mediaChecks).where({ _id: db.command.in([...new Set(fileIds)].map(checkIdOf)) }).get();
  const pending = (data as unknown[]).map((d) => mediaCheckDoc.parse(d)).filter((c) => c.status === 'pending');
  await Promise.all(pending.map((check) => submit(db, check, now).catch((error) => console.error('[tongxin] media check not sent; the timer resends it', error))));
}

async function submit(db: Database, check: MediaCheckDoc, now: Date): Promise<void> {
  // WeChat fetches the image itself: a temporary URL long enough for its queue.
  const { fileList } = await cloud().getTempFileURL({ fileList: [{ fileID: check.fileId, maxAge: 24 * 3600 }] });
  const url = (fileList as Array<{ tempFileURL: string; code: string }>)[0];
  if (url?.code !== 'SUCCESS') {
    // The file is gone: nothing to show, nothing to check.
    await db.collection(COLLECTIONS.mediaChecks).doc(check._id).update({ status: 'risky', settledAt: now, label: null });
    return;
  }
  const { traceId } = await wechat().checkMediaAsync({ mediaUrl: url.tempFileURL, openid: check.openid });
  await db.collection(COLLECTIONS.mediaChecks).doc(check._id).update({ traceId, submittedAt: now });
}

/** Pending checks never sent, or sent over an hour ago without an answer: sent again. */
export async function resubmitStale(db: Database, now: Date): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.mediaChecks)
    .where({ status: 'pending', heldAt: _.lt(new Date(now.getTime() - 60_000)) })
    .limit(100)
    .get();
  const stale = (data as unknown[]).map((d) => mediaCheckDoc.parse(d)).filter((c) => !c.submittedAt || c.submittedAt.getTime() < now.getTime() - 3_600_000);
  await Promise.all(stale.map((check) => submit(db, check, now).catch((error) => console.error('[tongxin] media check resend failed', error))));
  return stale.length;
}

/** The system's name in the audit log and on a reversal. */
const CONTENT_CHECK_ACTOR = { _id: 'system-content-check', name: '内容安全检查' };

/** WeChat's answer for a trace: pass shows the image; risky hides it and reverses its award. */
export async function settle(db: Database, traceId: string, suggest: string, label: number | null, now: Date): Promise<'pass' | 'risky' | 'unknown'> {
  const { data } = await db.collection(COLLECTIONS.mediaChecks).where({ traceId }).limit(1).get();
  const found = (data as unknown[])[0];
  if (!found) return 'unknown';
  const check = mediaCheckDoc.parse(found);
  // `review` is WeChat's "not sure": shown, as for text (msgSecCheck's review passes too).
  const status = suggest === 'risky' ? 'risky' : 'pass';
  if (check.status !== 'pending') return check.status;
  await db.collection(COLLECTIONS.mediaChecks).doc(check._id).update({ status, label, settledAt: now });
  if (status === 'risky' && check.awardEntryId) {
    const { data: entries } = await db.collection(COLLECTIONS.ledger).doc(check.awardEntryId).get();
    const entry = (entries as unknown[])[0];
    if (entry) {
      const original = ledgerEntryDoc.parse(entry);
      await reverse(db, original, { author: CONTENT_CHECK_ACTOR, reason: '图片未通过微信内容安全检查', at: now });
      await audit(db, { ...CONTENT_CHECK_ACTOR, committeeId: check.committeeId }, now, {
        action: 'mediaCheck.reverse',
        targetType: 'ledgerEntry',
        targetId: original._id,
        branchId: check.branchId || null,
        before: { fileId: check.fileId, points: original.points },
        after: { status, label },
      });
    }
  }
  return status;
}

/**
 * Of these files, the ones the viewer may not see: found risky, or held for WeChat's answer
 * unless the viewer is the member who uploaded them (they see their own note as they wrote it).
 */
export async function hiddenFiles(db: Database, fileIds: readonly string[], viewerId: string | null): Promise<Set<string>> {
  const unique = [...new Set(fileIds)];
  const hidden = new Set<string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const ids = unique.slice(i, i + 1000).map(checkIdOf);
    const { data } = await db.collection(COLLECTIONS.mediaChecks).where({ _id: db.command.in(ids), status: db.command.neq('pass') }).field({ fileId: true, status: true, memberId: true }).limit(1000).get();
    for (const d of data as Array<{ fileId: string; status: string; memberId: string }>) {
      if (d.status === 'risky' || d.memberId !== viewerId) hidden.add(d.fileId);
    }
  }
  return hidden;
}
