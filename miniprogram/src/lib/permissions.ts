/**
 * The phone's personal-information APIs (camera, album, clipboard, location) and what a member
 * reads when one is refused. WeChat disables them unless the 用户隐私保护指引 declares them
 * (DEPLOY.md), and the member may refuse each: a refusal is explained once, with a way to the
 * settings where there is one; a cancel says nothing.
 */
import Taro from '@tarojs/taro';
import { toast } from './confirm';

type Kind = 'camera' | 'album' | 'clipboard';

const errMsgOf = (e: unknown): string => String((e as { errMsg?: string } | null)?.errMsg ?? e ?? '');

/** The member closed the picker. */
export const isCancel = (e: unknown): boolean => /cancel/i.test(errMsgOf(e));

/** The member (or the privacy guide) refused the API: 'auth deny', 'privacy …', errno 103/104. */
export const isRefused = (e: unknown): boolean => /auth|deny|denied|permission|authorize|privacy/i.test(errMsgOf(e)) || [103, 104].includes(Number((e as { errno?: number } | null)?.errno));

const WHAT: Record<Kind, { title: string; content: string; settings: boolean }> = {
  camera: { title: '需要摄像头权限', content: '拍照需要使用摄像头。请点“去设置”允许同心使用摄像头，再回来拍照。', settings: true },
  album: { title: '需要相册权限', content: '选择照片需要访问相册。请点“去设置”允许同心访问相册，或改用拍照。', settings: true },
  clipboard: { title: '无法复制', content: '复制需要剪贴板权限。请在微信弹出的隐私提示中点“同意”后再试，或长按文字手动复制。', settings: false },
};

/** Explains a refused permission; offers the settings page where WeChat has one. */
export async function explainRefusal(kind: Kind): Promise<void> {
  const what = WHAT[kind];
  const res = await Taro.showModal({ title: what.title, content: what.content, confirmText: what.settings ? '去设置' : '知道了', showCancel: what.settings, cancelText: '取消' }).catch(() => ({ confirm: false }));
  if (what.settings && res.confirm) await Taro.openSetting().catch(() => undefined);
}

/**
 * Up to `count` photos from the album or the camera (compressed by the picker; resized again
 * before upload). A cancel gives none; a refusal is explained and gives none.
 */
export async function pickPhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    const res = await Taro.chooseImage({ count: Math.min(9, count), sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFilePaths.slice(0, count);
  } catch (e) {
    if (isCancel(e)) return [];
    if (isRefused(e)) await explainRefusal('album');
    else toast('无法选择图片，请重试');
    return [];
  }
}

/** Copies text; a refusal (the privacy guide, or the member) is explained. */
export async function copyText(text: string, done: string, fallback: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text });
    toast(done);
    return true;
  } catch (e) {
    if (isRefused(e)) await explainRefusal('clipboard');
    else toast(fallback);
    return false;
  }
}
