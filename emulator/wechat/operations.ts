/**
 * Fakes of the WeChat open APIs the functions use (through the port in
 * cloudfunctions/_shared/wechat): mini-program codes become standard QR codes of the H5
 * URL of the same page and scene; subscribe messages are recorded; the content check
 * rejects words from a configurable list.
 */
import QRCode, { type QRCodeToBufferOptions } from 'qrcode';

/**
 * How the fakes draw a standard QR code. PNG filter 0 (none): a two-colour image compresses as
 * well without row filters, and pngjs's adaptive filter search takes 1.5 s per code inside
 * Jest's module sandbox (6 ms with none), where the emulator runs for every functions test.
 */
const pngjsOptions: NonNullable<QRCodeToBufferOptions['rendererOpts']> & { filterType: number } = { filterType: 0 };
export const QR_PNG_OPTIONS: QRCodeToBufferOptions = { type: 'png', margin: 2, errorCorrectionLevel: 'M', rendererOpts: pngjsOptions };

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

/** WeChat's rule for `scene`: ≤ 32 visible characters from a fixed set. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** Tests put these bytes in an image to make the fake image check refuse it. */
export const RISKY_IMAGE_MARKER = 'TONGXIN-RISKY-IMAGE';

export const DEFAULT_BANNED_WORDS = ['违禁词', '赌博', '色情'];

export class WechatFakes {
  readonly messages: SubscribeMessage[] = [];
  bannedWords: string[] = [...DEFAULT_BANNED_WORDS];

  constructor(private readonly origin: () => string) {}

  /** The H5 URL a scanned code opens: the same page, with the scene as a query parameter. */
  h5Url(page: string, scene: string): string {
    const cleanPage = page.replace(/^\/+/, '');
    return `${this.origin()}/#/${cleanPage}?scene=${encodeURIComponent(scene)}`;
  }

  async miniProgramCode(input: { scene?: unknown; page?: unknown; width?: unknown }): Promise<
    { ok: true; png: Buffer; url: string } | { ok: false; errcode: number; errmsg: string }
  > {
    const scene = typeof input.scene === 'string' ? input.scene : '';
    const page = typeof input.page === 'string' && input.page ? input.page : 'pages/home/index';
    if (!SCENE_PATTERN.test(scene)) return { ok: false, errcode: 40129, errmsg: 'invalid scene' };
    if (!/^[A-Za-z0-9_\-/]+$/.test(page)) return { ok: false, errcode: 41030, errmsg: 'invalid page' };
    const width = typeof input.width === 'number' && input.width >= 280 && input.width <= 1280 ? input.width : 430;
    const url = this.h5Url(page, scene);
    const png = await QRCode.toBuffer(url, { ...QR_PNG_OPTIONS, width });
    return { ok: true, png, url };
  }

  sendSubscribeMessage(input: Record<string, unknown>): { errcode: number; errmsg: string } {
    const touser = typeof input.touser === 'string' ? input.touser : '';
    const templateId = typeof input.templateId === 'string' ? input.templateId : '';
    if (!touser || !templateId) return { errcode: 40003, errmsg: 'invalid touser or templateId' };
    this.messages.push({
      touser,
      templateId,
      page: typeof input.page === 'string' ? input.page : undefined,
      data: (input.data ?? {}) as SubscribeMessage['data'],
      sentAt: new Date().toISOString(),
    });
    return { errcode: 0, errmsg: 'ok' };
  }

  /** msgSecCheck v2 shape: `suggest` is pass or risky, `label` 20006 for 违法犯罪-like hits. */
  checkText(input: Record<string, unknown>) {
    const content = typeof input.content === 'string' ? input.content : '';
    const hit = this.bannedWords.find((word) => word && content.includes(word));
    return hit
      ? { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20006 }, detail: [{ keyword: hit }] }
      : { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [] };
  }

  /** imgSecCheck: an image whose bytes hold RISKY_IMAGE_MARKER is risky (errcode 87014), as WeChat answers. */
  checkImage(input: Record<string, unknown>): { errcode: number; errmsg: string } {
    const media = (input.media ?? {}) as { value?: unknown };
    const bytes = typeof media.value === 'string' ? Buffer.from(media.value, 'base64') : Buffer.alloc(0);
    if (!bytes.length) return { errcode: 40001, errmsg: 'media missing' };
    return bytes.includes(RISKY_IMAGE_MARKER) ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
  }

  reset(): void {
    this.messages.length = 0;
    this.bannedWords = [...DEFAULT_BANNED_WORDS];
  }
}
