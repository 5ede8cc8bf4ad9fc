/**
 * `npm run cloud:smoke`: after a deploy, each function tries every WeChat open API its
 * config.json declares, harmlessly, and says which answered. WeChat registers those permissions
 * when functions are uploaded from DevTools; a CLI deploy may leave them unregistered, and every
 * call then answers -604101. It also compares the account's subscribe templates with the
 * configured ids and keys (DEPLOY.md §5). The event is `{Type: 'Smoke', openid}` from the admin SDK (no
 * caller: a phone's call always has one, and is refused like a timer's).
 */
import { cloud } from './cloud';
import { SUBSCRIBE_TEMPLATES } from '../../shared/domain/study';
import { keysVariable, templateKeys } from '../../shared/domain/subscribe-templates';
import { templateId } from './subscriptions';
import { WechatApiError, wechat } from './wechat';

/** config.json `permissions.openapi`, put into the bundle at build time (absent when unbundled). */
declare const TONGXIN_OPENAPI_PERMISSIONS: string[] | undefined;

export interface SmokeRow {
  api: string;
  /** ok: the API answered; missing: -604101, the permission is not registered; skipped: needs an openid; error: another answer. */
  result: 'ok' | 'missing' | 'skipped' | 'error';
  detail: string;
}

const NO_PERMISSION = -604101;
/** A 1×1 PNG for the media check: WeChat fetches it; its answer reaches `mediaCheck` for a trace nobody holds (tests use it too). */
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const declared = (): string[] => (typeof TONGXIN_OPENAPI_PERMISSIONS === 'undefined' ? [] : TONGXIN_OPENAPI_PERMISSIONS);

/** The harmless call per API, and the errcodes that still prove the permission works. */
const TRIES: Record<string, { needsOpenid: boolean; run: (openid: string) => Promise<unknown>; fine?: number[] }> = {
  'security.msgSecCheck': { needsOpenid: true, run: (openid) => wechat().checkText({ content: '认真学习党章党规', openid }) },
  'security.mediaCheckAsync': {
    needsOpenid: true,
    run: async (openid) => {
      const { fileID } = await cloud().uploadFile({ cloudPath: 'smoke/pixel.png', fileContent: PIXEL_PNG });
      const { fileList } = await cloud().getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
      return wechat().checkMediaAsync({ mediaUrl: (fileList as Array<{ tempFileURL: string }>)[0].tempFileURL, openid });
    },
  },
  'wxacode.getUnlimited': { needsOpenid: false, run: () => wechat().miniProgramCode({ scene: 'smoke', page: 'pages/home/index' }) },
  // The account's templates against what the functions are configured to send (ids and keys).
  'subscribeMessage.getTemplateList': {
    needsOpenid: false,
    run: async () => {
      const templates = new Map((await wechat().templateList()).map((t) => [t.id, t.keys]));
      const problems: string[] = [];
      for (const template of SUBSCRIBE_TEMPLATES) {
        const id = templateId(template);
        const keys = templates.get(id);
        if (!keys) {
          problems.push(`${template}: no template ${id} in the account`);
          continue;
        }
        const wanted = Object.values(templateKeys(template, process.env[keysVariable(template)]) as Record<string, string>);
        const lacking = wanted.filter((k) => !keys.includes(k));
        if (lacking.length) problems.push(`${template}: template ${id} has no ${lacking.join(', ')} (it has ${keys.join(', ')}; set ${keysVariable(template)})`);
      }
      if (problems.length) throw new Error(problems.join('; '));
      return 'templates match';
    },
  },
  // A template id that does not exist: WeChat answers 40037 and sends nothing; -604101 if not permitted.
  'subscribeMessage.send': { needsOpenid: true, run: (openid) => wechat().sendSubscribeMessage({ touser: openid, templateId: 'tongxin-smoke-no-such-template', data: {} }), fine: [40037] },
};

export async function smokeOpenApis(openid: string | null): Promise<SmokeRow[]> {
  return Promise.all(
    declared().map(async (api): Promise<SmokeRow> => {
      const tryIt = TRIES[api];
      if (!tryIt) return { api, result: 'error', detail: 'no harmless call known for this API' };
      if (tryIt.needsOpenid && !openid) return { api, result: 'skipped', detail: 'needs --openid (your 微信标识 in 我的)' };
      try {
        await tryIt.run(openid ?? '');
        return { api, result: 'ok', detail: 'answered' };
      } catch (error) {
        const errcode = error instanceof WechatApiError ? error.errcode : (error as { errCode?: number }).errCode;
        if (errcode === NO_PERMISSION) return { api, result: 'missing', detail: '-604101: permission not registered' };
        if (errcode !== undefined && tryIt.fine?.includes(errcode)) return { api, result: 'ok', detail: `answered ${errcode}, as expected` };
        return { api, result: 'error', detail: `${errcode ?? ''} ${(error as Error)?.message ?? String(error)}`.trim() };
      }
    }),
  );
}
