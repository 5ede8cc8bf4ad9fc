/**
 * Cloud function `mediaCheck`: where WeChat's message push delivers the answers of the
 * asynchronous image checks (`wxa_media_check`, configured in 云开发控制台 → 消息推送; see
 * DEPLOY.md), and a timer that resends checks a crash left unsent. No phone action lives here:
 * a push is believed only for a trace id the functions were given by WeChat and never showed
 * anyone (cloudfunctions/_shared/media-checks.ts).
 */
import { z } from 'zod';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import { callTime, database } from '../_shared/cloud';
import { defineFunction } from '../_shared/define';
import { toApiError } from '../_shared/errors';
import { resubmitStale, settle } from '../_shared/media-checks';

/** The push WeChat sends with a media check's result (security.mediaCheckAsync, version 2). */
const mediaCheckPush = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.string(), label: z.number().nullable().optional() }),
});

const timers = defineFunction('mediaCheck')({}, { timers: { resubmit: async ({ db, now }) => ({ resent: await resubmitStale(db, now) }) } });

export async function main(event: unknown): Promise<Envelope<unknown>> {
  const push = mediaCheckPush.safeParse(event);
  if (!push.success) return timers(event);
  try {
    const status = await settle(database(), push.data.trace_id, push.data.result.suggest, push.data.result.label ?? null, callTime());
    return ok({ status });
  } catch (error) {
    return fail(toApiError(error));
  }
}
