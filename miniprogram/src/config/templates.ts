/**
 * Subscribe-message template ids (WeChat one-time subscriptions), set at build time. An empty
 * id means the template is not configured: pages still ask in the page and record the choice,
 * but skip WeChat's prompt.
 *
 * Taro defines `process.env.TARO_APP_*` only for keys named in config/index.ts `env` or in a
 * `miniprogram/.env*` file; an undefined key is left as a `process` lookup, which a
 * mini-program runtime may not have, hence the guard.
 */
import type { SubscribeTemplate } from '@/domain/study';

function studyPushId(): string {
  try {
    return process.env.TARO_APP_TPL_STUDY_PUSH || '';
  } catch {
    return '';
  }
}

function meetingId(): string {
  try {
    return process.env.TARO_APP_TPL_MEETING || '';
  } catch {
    return '';
  }
}

function taskId(): string {
  try {
    return process.env.TARO_APP_TPL_TASK || '';
  } catch {
    return '';
  }
}

export const SUBSCRIBE_TEMPLATE_IDS: Record<SubscribeTemplate, string> = {
  studyPush: studyPushId(),
  meeting: meetingId(),
  task: taskId(),
};
