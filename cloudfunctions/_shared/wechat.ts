/**
 * The one port to WeChat's open APIs. Production goes through wx-server-sdk's
 * `cloud.openapi` (permissions in the function's config.json); when the platform injects
 * TONGXIN_WECHAT_FAKE_URL (the local emulator does) the same calls go to its fakes.
 */
import { miniProgramVersion, SUBSCRIBE_MESSAGE_STATE } from './miniprogram-version';

export interface MiniProgramCodeRequest {
  /** ≤ 32 characters; the page reads it from `options.scene`. */
  scene: string;
  page: string;
  width?: number;
}

export interface SubscribeMessageRequest {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface TextCheck {
  pass: boolean;
  /** The WeChat label when rejected, e.g. 20006. */
  label?: number;
}

export interface WechatPort {
  miniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer>;
  sendSubscribeMessage(request: SubscribeMessageRequest): Promise<void>;
  /** The account's subscribe templates (subscribeMessage.getTemplateList): id and the keys of its content. */
  templateList(): Promise<Array<{ id: string; keys: string[] }>>;
  checkText(request: { content: string; openid: string }): Promise<TextCheck>;
  /**
   * WeChat's asynchronous media check (security.mediaCheckAsync, version 2, an image): WeChat
   * fetches `mediaUrl`, and its answer arrives later as a `wxa_media_check` message push to the
   * `mediaCheck` function, under the trace id answered here.
   */
  checkMediaAsync(request: { mediaUrl: string; openid: string }): Promise<{ traceId: string }>;
}

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
    this.name = 'WechatApiError';
  }
}

function fakePort(baseUrl: string): WechatPort {
  const post = async (api: string, body: unknown): Promise<Response> => {
    const response = await fetch(`${baseUrl}/${api}`, {
      method: 'POST',
      // Which function calls: the fakes refuse an API its config.json does not declare, as WeChat does (-604101).
      headers: { 'content-type': 'application/json', 'x-tongxin-function': process.env.SCF_FUNCTIONNAME ?? '' },
      body: JSON.stringify(body),
    });
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      const json = (await response.clone().json()) as { errcode?: number; errmsg?: string };
      if (json.errcode) throw new WechatApiError(json.errcode, json.errmsg ?? 'wechat api error');
    }
    return response;
  };
  return {
    async miniProgramCode(request) {
      const response = await post('wxacode.getUnlimited', request);
      return Buffer.from(await response.arrayBuffer());
    },
    async sendSubscribeMessage(request) {
      await post('subscribeMessage.send', request);
    },
    async templateList() {
      const response = await post('subscribeMessage.getTemplateList', {});
      const json = (await response.json()) as { data?: Array<{ priTmplId: string; content: string }> };
      return (json.data ?? []).map((t) => ({ id: t.priTmplId, keys: keysOfContent(t.content) }));
    },
    async checkText(request) {
      const response = await post('security.msgSecCheck', { ...request, version: 2, scene: 2 });
      const json = (await response.json()) as { result?: { suggest?: string; label?: number } };
      return json.result?.suggest === 'pass' ? { pass: true } : { pass: false, label: json.result?.label };
    },
    async checkMediaAsync({ mediaUrl, openid }) {
      const response = await post('security.mediaCheckAsync', { media_url: mediaUrl, media_type: MEDIA_TYPE_IMAGE, version: 2, scene: 2, openid });
      const json = (await response.json()) as { trace_id?: string };
      if (!json.trace_id) throw new WechatApiError(-1, 'mediaCheckAsync answered no trace_id');
      return { traceId: json.trace_id };
    },
  };
}

/** A template's keys from its content: `活动名称:{{thing1.DATA}}\n时间:{{time2.DATA}}` → thing1, time2. */
export function keysOfContent(content: string): string[] {
  return [...content.matchAll(/\{\{(\w+)\.DATA\}\}/g)].map((m) => m[1]);
}

/** mediaCheckAsync's media_type of an image (1 is audio). */
const MEDIA_TYPE_IMAGE = 2;

interface OpenApi {
  wxacode: { getUnlimited(args: Record<string, unknown>): Promise<{ buffer: Buffer; errCode?: number; errMsg?: string }> };
  subscribeMessage: {
    send(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }>;
    getTemplateList(args: Record<string, unknown>): Promise<{ data?: Array<{ priTmplId: string; content: string }>; errCode?: number; errMsg?: string }>;
  };
  security: {
    msgSecCheck(args: Record<string, unknown>): Promise<{ result?: { suggest?: string; label?: number } }>;
    mediaCheckAsync(args: { mediaUrl: string; mediaType: number; version: number; scene: number; openid: string }): Promise<{ traceId?: string; errCode?: number; errMsg?: string }>;
  };
}

function productionPort(): WechatPort {
  // Loaded lazily: wx-server-sdk is installed by the cloud from the function's package.json.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as { init(options: { env: unknown }): void; DYNAMIC_CURRENT_ENV: unknown; openapi: OpenApi };
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return {
    async miniProgramCode({ scene, page, width }) {
      const envVersion = miniProgramVersion(process.env.TONGXIN_MINIPROGRAM_VERSION);
      const result = await cloud.openapi.wxacode.getUnlimited({ scene, page, width: width ?? 430, checkPath: false, envVersion });
      if (result.errCode) throw new WechatApiError(result.errCode, result.errMsg ?? 'getUnlimited failed');
      return result.buffer;
    },
    async sendSubscribeMessage({ touser, templateId, page, data }) {
      const miniprogramState = SUBSCRIBE_MESSAGE_STATE[miniProgramVersion(process.env.TONGXIN_MINIPROGRAM_VERSION)];
      // wx-server-sdk throws for a non-zero errCode; either way the caller gets WechatApiError's errcode.
      const result = await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState }).catch((error: { errCode?: number; errMsg?: string }) => {
        throw new WechatApiError(error.errCode ?? -1, error.errMsg ?? 'subscribeMessage.send failed');
      });
      if (result.errCode) throw new WechatApiError(result.errCode, result.errMsg ?? 'subscribeMessage.send failed');
    },
    async templateList() {
      const result = await cloud.openapi.subscribeMessage.getTemplateList({}).catch((error: { errCode?: number; errMsg?: string }) => {
        throw new WechatApiError(error.errCode ?? -1, error.errMsg ?? 'getTemplateList failed');
      });
      return (result.data ?? []).map((t) => ({ id: t.priTmplId, keys: keysOfContent(t.content) }));
    },
    async checkText({ content, openid }) {
      const result = await cloud.openapi.security.msgSecCheck({ content, openid, version: 2, scene: 2 });
      return result.result?.suggest === 'pass' ? { pass: true } : { pass: false, label: result.result?.label };
    },
    async checkMediaAsync({ mediaUrl, openid }) {
      const result = await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: MEDIA_TYPE_IMAGE, version: 2, scene: 2, openid });
      if (result.errCode || !result.traceId) throw new WechatApiError(result.errCode ?? -1, result.errMsg ?? 'mediaCheckAsync failed');
      return { traceId: result.traceId };
    },
  };
}

let port: WechatPort | null = null;

export function wechat(): WechatPort {
  if (!port) {
    const fake = process.env.TONGXIN_WECHAT_FAKE_URL;
    port = fake ? fakePort(fake) : productionPort();
  }
  return port;
}
