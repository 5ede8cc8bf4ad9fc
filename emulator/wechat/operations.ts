/**
 * Fakes of the WeChat open APIs the functions use (through the port in
 * cloudfunctions/_shared/wechat): mini-program codes become standard QR codes of the H5
 * URL of the same page and scene; subscribe messages are recorded; the content check
 * rejects words from a configurable list.
 */
import { randomUUID } from 'node:crypto';
import QRCode, { type QRCodeToBufferOptions } from 'qrcode';
import { DEFAULT_TEMPLATE_KEYS } from '../../shared/domain/subscribe-templates';

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

/** imgSecCheck's image limit (WeChat staff on the forum say 500 KB works, 1 MB is the documented one). */
export const IMG_SEC_CHECK_MAX_BYTES = 1024 * 1024;
/** mediaCheckAsync's limit for an image. */
export const MEDIA_CHECK_MAX_BYTES = 10 * 1024 * 1024;

export class WechatFakes {
  readonly messages: SubscribeMessage[] = [];
  /** Refuse open APIs a function's config.json does not declare (-604101), as WeChat does once registered. */
  enforcePermissions = true;
  /** `function api` pairs declared but not registered (a CLI deploy that skipped them): refused too. */
  readonly unregistered = new Set<string>();
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

  /**
   * The account's templates: id → keys. `local-<name>` ids have the keys DEPLOY.md names (the
   * defaults); tests register others, as an account that picked other library templates has.
   */
  readonly templates = new Map<string, string[]>(Object.entries(DEFAULT_TEMPLATE_KEYS).map(([name, keys]) => [`local-${name}`, Object.values(keys)]));

  sendSubscribeMessage(input: Record<string, unknown>): { errcode: number; errmsg: string } {
    const touser = typeof input.touser === 'string' ? input.touser : '';
    const templateId = typeof input.templateId === 'string' ? input.templateId : '';
    if (!touser || !templateId) return { errcode: 40003, errmsg: 'invalid touser or templateId' };
    const keys = this.templates.get(templateId);
    // An id the account has no template for (only `local-*` and registered ones exist here).
    if (!keys) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data = (input.data ?? {}) as Record<string, { value?: unknown }>;
    // WeChat refuses data whose keys are not the template's, or a thing over 20 characters (47003).
    if ((Object.keys(data).sort().join() !== [...keys].sort().join() || Object.entries(data).some(([k, v]) => k.startsWith('thing') && [...String(v?.value ?? '')].length > 20))) {
      return { errcode: 47003, errmsg: `argument invalid! data.${Object.keys(data).find((k) => !keys.includes(k)) ?? keys[0]}.value invalid` };
    }
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

  /**
   * imgSecCheck (1.0, frozen; the functions no longer call it): risky bytes answer 87014, and an
   * image over 1 MB an error that is not 87014 (-1, as the developer forum reports).
   */
  checkImage(input: Record<string, unknown>): { errcode: number; errmsg: string } {
    const media = (input.media ?? {}) as { value?: unknown };
    const bytes = typeof media.value === 'string' ? Buffer.from(media.value, 'base64') : Buffer.alloc(0);
    if (!bytes.length) return { errcode: 40001, errmsg: 'media missing' };
    if (bytes.length > IMG_SEC_CHECK_MAX_BYTES) return { errcode: -1, errmsg: 'system error' };
    return bytes.includes(RISKY_IMAGE_MARKER) ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' };
  }

  /** Asynchronous checks asked for and not yet answered (mediaCheckAsync). */
  readonly pendingMedia: Array<{ traceId: string; mediaUrl: string; openid: string }> = [];
  /** How the emulator delivers a `wxa_media_check` push (to the `mediaCheck` function); set by the controller. */
  deliverPush: (event: Record<string, unknown>, openid: string) => Promise<void> = async () => undefined;
  /** Called when a check is queued (the controller answers it shortly when timers run). */
  onMediaQueued: () => void = () => undefined;

  /**
   * mediaCheckAsync version 2, an image: the request as WeChat checks it (media_url, media_type
   * 1 or 2, version 2, scene 1–4, an openid), a trace id at once, the result later by push.
   */
  checkMediaAsync(input: Record<string, unknown>): { errcode: number; errmsg: string; trace_id?: string } {
    const mediaUrl = typeof input.media_url === 'string' ? input.media_url : '';
    if (!/^https?:\/\//.test(mediaUrl)) return { errcode: 40001, errmsg: 'invalid media_url' };
    if (input.media_type !== 2 && input.media_type !== 1) return { errcode: 40001, errmsg: 'invalid media_type' };
    if (input.version !== 2) return { errcode: 40001, errmsg: 'invalid version' };
    if (![1, 2, 3, 4].includes(Number(input.scene))) return { errcode: 40001, errmsg: 'invalid scene' };
    const openid = typeof input.openid === 'string' ? input.openid : '';
    if (!openid) return { errcode: 40003, errmsg: 'invalid openid' };
    const traceId = `trace-${randomUUID()}`;
    this.pendingMedia.push({ traceId, mediaUrl, openid });
    this.onMediaQueued();
    return { errcode: 0, errmsg: 'ok', trace_id: traceId };
  }

  /**
   * Answers every queued check as WeChat's push does: the image is fetched from its URL; risky
   * when its bytes hold RISKY_IMAGE_MARKER or it is over 10 MB (mediaCheckAsync's limit), else
   * pass. Tests call it; `npm start` runs it shortly after each request.
   */
  async deliverMediaChecks(): Promise<number> {
    const batch = this.pendingMedia.splice(0, this.pendingMedia.length);
    for (const item of batch) {
      let suggest = 'pass';
      let label = 100;
      let errcode = 0;
      try {
        const response = await fetch(item.mediaUrl);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (!response.ok) errcode = 40001;
        else if (bytes.length > MEDIA_CHECK_MAX_BYTES || bytes.includes(RISKY_IMAGE_MARKER)) [suggest, label] = ['risky', 20002];
      } catch {
        errcode = 40001;
      }
      await this.deliverPush(
        {
          ToUserName: 'gh_tongxin_local',
          FromUserName: item.openid,
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'event',
          Event: 'wxa_media_check',
          appid: 'wx_local',
          trace_id: item.traceId,
          version: 2,
          detail: [{ strategy: 'content_model', errcode, suggest, label, prob: 90 }],
          errcode,
          errmsg: errcode ? 'media fetch failed' : 'ok',
          result: { suggest: errcode ? 'review' : suggest, label },
        },
        item.openid,
      );
    }
    return batch.length;
  }

  reset(): void {
    this.messages.length = 0;
    this.templates.clear();
    for (const [name, keys] of Object.entries(DEFAULT_TEMPLATE_KEYS)) this.templates.set(`local-${name}`, Object.values(keys));
    this.pendingMedia.length = 0;
    this.bannedWords = [...DEFAULT_BANNED_WORDS];
  }
}
