/**
 * The content check every text a member publishes goes through (WeChat msgSecCheck v2 in
 * production, the emulator's fake locally), before anything is written.
 */
import { AppError } from '../../shared/api/errors';
import { wechat } from './wechat';

/** msgSecCheck v2 labels, as a member should read them. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政敏感内容',
  20002: '色情内容',
  20003: '辱骂内容',
  20006: '违法犯罪内容',
  20008: '欺诈内容',
  20012: '低俗内容',
  20013: '侵权内容',
  21000: '不适宜的内容',
};

export async function requireCleanText(content: string, openid: string, field = 'text'): Promise<void> {
  const result = await wechat().checkText({ content, openid });
  if (result.pass) return;
  const reason = LABELS[result.label ?? 21000] ?? LABELS[21000];
  const message = `内容未通过安全检查：疑似包含${reason}，请修改后重试`;
  throw new AppError('CONTENT_REJECTED', message, { [field]: message });
}
