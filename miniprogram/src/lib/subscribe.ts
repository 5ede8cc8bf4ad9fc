/**
 * 订阅提醒, asked at a natural moment (a push read to the end, a meeting signed in). The page
 * shows its own offer (订阅 / 暂不) and calls `subscribe` from the tap: WeChat only opens its
 * prompt from a user's tap. On weapp with a configured template id, WeChat's prompt decides;
 * on H5 (no such API) or without an id, the tap in the page is the answer. Either way the
 * choice is recorded with `studyPush.subscribe`.
 */
import Taro from '@tarojs/taro';
import { SUBSCRIBE_TEMPLATE_IDS } from '@/config/templates';
import type { SubscribeTemplate } from '@/domain/study';
import type { ApiError } from '@/services/api';
import { safeCall } from './submit';

export interface SubscribeResult {
  /** The member is subscribed to the next notice. */
  accepted: boolean;
  /** Unused one-time subscriptions the server now counts; null when the record failed. */
  credits: number | null;
  error: ApiError | null;
}

/** WeChat's answer for one template: only 'accept' subscribes ('reject', 'ban', 'filter' do not). */
async function askWeChat(tmplId: string): Promise<boolean> {
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [tmplId] } as Taro.requestSubscribeMessage.Option);
    // The reply is keyed by template id: {errMsg, [tmplId]: 'accept' | 'reject' | 'ban' | 'filter'}.
    return (res as unknown as Record<string, unknown>)[tmplId] === 'accept';
  } catch {
    // Subscriptions switched off in WeChat's settings, or no tap: not subscribed.
    return false;
  }
}

/** Whether WeChat's own prompt is shown for `template` (weapp with a configured id). */
export function usesWeChatPrompt(template: SubscribeTemplate): boolean {
  return process.env.TARO_ENV === 'weapp' && Boolean(SUBSCRIBE_TEMPLATE_IDS[template]);
}

/**
 * Call from the tap on 订阅 (`wants` true) or 暂不 (`wants` false); records the outcome.
 */
export async function subscribe(template: SubscribeTemplate, wants: boolean): Promise<SubscribeResult> {
  const accepted = wants && usesWeChatPrompt(template) ? await askWeChat(SUBSCRIBE_TEMPLATE_IDS[template]) : wants;
  const res = await safeCall('studyPush.subscribe', { template, accepted });
  return res.ok ? { accepted, credits: res.data.credits, error: null } : { accepted, credits: null, error: res.error };
}
