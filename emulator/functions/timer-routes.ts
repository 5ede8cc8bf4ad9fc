/** `POST /__/timers/<function>/<trigger>`: runs a timer trigger now (local development and e2e tests). */
import { sendJson } from '../core/http';
import type { Route } from '../core/route';
import type { TimerScheduler } from './timers';

export function timerRoutes(timers: TimerScheduler): Route {
  return async (req, res, url) => {
    const match = /^\/__\/timers\/([a-zA-Z][\w-]{0,63})\/([a-zA-Z][\w-]{0,63})$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return false;
    const outcome = await timers.fire(match[1], match[2]);
    if (outcome.ok) sendJson(res, 200, { ok: true, result: outcome.result });
    else sendJson(res, outcome.reason === 'NOT_FOUND' ? 404 : 500, { ok: false, error: outcome.message });
    return true;
  };
}
