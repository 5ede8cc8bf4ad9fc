/**
 * `POST /functions/:name` for the local client: the body is the event `{action, input}`;
 * the caller's identity comes from the dev sign-in session only. The reply is the
 * function's envelope; database operations of the invocation are reported in headers.
 */
import { readJson, sendJson } from '../core/http';
import type { Route } from '../core/route';
import { sessionToken, type SessionStore } from '../auth/sessions';
import type { Meter } from '../core/meter';
import type { FunctionHost } from './host';

export const LOCAL_APPID = 'wxlocalemulator0001';

export function functionRoutes(host: FunctionHost, sessions: SessionStore, meter: Meter): Route {
  return async (req, res, url) => {
    const match = /^\/functions\/([a-zA-Z][\w-]{0,63})$/.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: '仅支持 POST' } });
      return true;
    }
    const session = sessions.get(sessionToken(req.headers));
    if (!session) {
      sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（本地开发登录）' } });
      return true;
    }
    let event: unknown;
    try {
      event = await readJson(req);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } });
      return true;
    }
    const invocationId = host.nextId();
    const outcome = await host.invoke(match[1], event, { openid: session.openid, appid: LOCAL_APPID }, invocationId);
    const usage = meter.take(invocationId);
    const headers = {
      'x-tongxin-invocation': invocationId,
      'x-tongxin-db-reads': String(usage.reads),
      'x-tongxin-db-writes': String(usage.writes),
    };
    if (outcome.ok) sendJson(res, 200, outcome.result, headers);
    else if (outcome.reason === 'NOT_FOUND') sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '云函数不存在' } }, headers);
    else sendJson(res, 200, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }, headers);
    return true;
  };
}
