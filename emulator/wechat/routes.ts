/** The WeChat fakes over HTTP (`/__/wechat/*`), called by the functions' WeChat port. */
import { isRecord, readJson, sendJson } from '../core/http';
import type { Route } from '../core/route';
import type { WechatFakes } from './operations';

/** WeChat's answer to a cloud call the function's config.json does not declare. */
export const NO_PERMISSION = -604101;

/**
 * `permissionsOf(name)`: the open APIs a function declares (config.json `permissions.openapi`),
 * or undefined when unknown (then nothing is refused).
 */
export function wechatRoutes(fakes: WechatFakes, permissionsOf: (functionName: string) => readonly string[] | undefined = () => undefined): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/__/wechat/')) return false;
    const api = url.pathname.slice('/__/wechat/'.length);
    if (req.method === 'GET' && api === 'messages') {
      const touser = url.searchParams.get('touser');
      sendJson(res, 200, fakes.messages.filter((m) => !touser || m.touser === touser));
      return true;
    }
    if (req.method === 'DELETE' && api === 'messages') {
      fakes.messages.length = 0;
      sendJson(res, 200, { ok: true });
      return true;
    }
    if (req.method === 'GET' && api === 'config') {
      sendJson(res, 200, { bannedWords: fakes.bannedWords });
      return true;
    }
    if (req.method !== 'POST') return false;
    const body = await readJson(req);
    const input = isRecord(body) ? body : {};
    const caller = String(req.headers['x-tongxin-function'] ?? '');
    const declared = caller ? permissionsOf(caller) : undefined;
    if (fakes.enforcePermissions && ((declared && api !== 'config' && !declared.includes(api)) || fakes.unregistered.has(`${caller} ${api}`))) {
      sendJson(res, 200, { errcode: NO_PERMISSION, errmsg: `function ${caller} has no permission for ${api} (config.json permissions.openapi)` });
      return true;
    }
    switch (api) {
      case 'config': {
        if (Array.isArray(input.bannedWords)) fakes.bannedWords = input.bannedWords.map(String).filter(Boolean);
        sendJson(res, 200, { bannedWords: fakes.bannedWords });
        return true;
      }
      case 'wxacode.getUnlimited': {
        const result = await fakes.miniProgramCode(input);
        if (!result.ok) sendJson(res, 200, { errcode: result.errcode, errmsg: result.errmsg });
        else {
          res.writeHead(200, { 'content-type': 'image/png', 'x-tongxin-qr-url': encodeURI(result.url) });
          res.end(result.png);
        }
        return true;
      }
      case 'subscribeMessage.getTemplateList':
        sendJson(res, 200, { errcode: 0, errmsg: 'ok', data: [...fakes.templates].map(([id, keys]) => ({ priTmplId: id, title: id, content: keys.map((k) => `${k}:{{${k}.DATA}}`).join('\n'), type: 2 })) });
        return true;
      case 'subscribeMessage.send':
        sendJson(res, 200, fakes.sendSubscribeMessage(input));
        return true;
      case 'security.imgSecCheck':
        sendJson(res, 200, fakes.checkImage(input));
        return true;
      case 'security.mediaCheckAsync':
        sendJson(res, 200, fakes.checkMediaAsync(input));
        return true;
      case 'security.msgSecCheck':
        sendJson(res, 200, fakes.checkText(input));
        return true;
      default:
        sendJson(res, 200, { errcode: 40001, errmsg: `api ${api} is not faked by the emulator` });
        return true;
    }
  };
}
