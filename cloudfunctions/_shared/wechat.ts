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
  checkText(request: { content: string; openid: string }): Promise<TextCheck>;
  /** The synchronous image check (security.imgSecCheck); `pass: false` for a risky image. */
  checkImage(request: { image: Buffer; contentType: string }): Promise<{ pass: boolean }>;
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
      headers: { 'content-type': 'application/json' },
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
    async checkText(request) {
      const response = await post('security.msgSecCheck', { ...request, version: 2, scene: 2 });
      const json = (await response.json()) as { result?: { suggest?: string; label?: number } };
      return json.result?.suggest === 'pass' ? { pass: true } : { pass: false, label: json.result?.label };
    },
    async checkImage({ image, contentType }) {
      try {
        await post('security.imgSecCheck', { media: { contentType, value: image.toString('base64') } });
        return { pass: true };
      } catch (error) {
        if (error instanceof WechatApiError && error.errcode === RISKY_IMAGE) return { pass: false };
        throw error;
      }
    },
  };
}

/** WeChat's errcode for an image that fails the check. */
const RISKY_IMAGE = 87014;

interface OpenApi {
  wxacode: { getUnlimited(args: Record<string, unknown>): Promise<{ buffer: Buffer; errCode?: number; errMsg?: string }> };
  subscribeMessage: { send(args: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> };
  security: {
    msgSecCheck(args: Record<string, unknown>): Promise<{ result?: { suggest?: string; label?: number } }>;
    imgSecCheck(args: { media: { contentType: string; value: Buffer } }): Promise<{ errCode?: number; errMsg?: string }>;
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
      const result = await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState });
      if (result.errCode) throw new WechatApiError(result.errCode, result.errMsg ?? 'subscribeMessage.send failed');
    },
    async checkText({ content, openid }) {
      const result = await cloud.openapi.security.msgSecCheck({ content, openid, version: 2, scene: 2 });
      return result.result?.suggest === 'pass' ? { pass: true } : { pass: false, label: result.result?.label };
    },
    async checkImage({ image, contentType }) {
      try {
        const result = await cloud.openapi.security.imgSecCheck({ media: { contentType, value: image } });
        if (result.errCode === RISKY_IMAGE) return { pass: false };
        return { pass: true };
      } catch (error) {
        // wx-server-sdk throws for a non-zero errCode.
        if ((error as { errCode?: number }).errCode === RISKY_IMAGE) return { pass: false };
        throw error;
      }
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
