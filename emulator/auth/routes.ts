/** Dev sign-in endpoints and page (`/__/auth`). */
import type { DatabaseService } from '../database';
import { findAll } from '../core/query';
import { isRecord, readJson, sendJson, sendText } from '../core/http';
import type { Route } from '../core/route';
import { randomOpenid } from '../functions/host';
import { SESSION_COOKIE, sessionToken, type SessionStore } from './sessions';
import { renderSignInPage } from './page';

export interface Person {
  openid: string;
  name: string;
  branchName: string;
  roles: string[];
}

export async function listPeople(database: DatabaseService): Promise<Person[]> {
  const [members, branches] = await Promise.all([findAll(database, 'members'), findAll(database, 'branches')]);
  const branchNames = new Map(branches.map((branch) => [String(branch._id), String(branch.name)]));
  return members
    .filter((member) => typeof member.openid === 'string' && member.openid)
    .map((member) => ({
      openid: String(member.openid),
      name: String(member.name),
      branchName: branchNames.get(String(member.branchId)) ?? '',
      roles: Array.isArray(member.roles) ? member.roles.map(String) : [],
    }));
}

export function authRoutes(database: DatabaseService, sessions: SessionStore): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/__/auth')) return false;
    const path = url.pathname;
    if (req.method === 'GET' && (path === '/__/auth' || path === '/__/auth/')) {
      sendText(res, 200, renderSignInPage(await listPeople(database)), 'text/html; charset=utf-8');
      return true;
    }
    if (req.method === 'GET' && path === '/__/auth/people') {
      sendJson(res, 200, await listPeople(database));
      return true;
    }
    if (req.method === 'GET' && path === '/__/auth/whoami') {
      const session = sessions.get(sessionToken(req.headers));
      sendJson(res, 200, { openid: session?.openid ?? null });
      return true;
    }
    if (req.method === 'POST' && path === '/__/auth/signin') {
      const body = await readJson(req);
      const requested = isRecord(body) && typeof body.openid === 'string' ? body.openid.trim() : '';
      if (requested.length > 64 || /[^A-Za-z0-9_-]/.test(requested)) {
        sendJson(res, 400, { error: 'openid must be 1-64 letters, digits, _ or -' });
        return true;
      }
      // An empty openid means "a WeChat user who has not joined any branch yet".
      const session = sessions.create(requested || randomOpenid());
      sendJson(res, 200, { token: session.token, openid: session.openid }, {
        'set-cookie': `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax`,
      });
      return true;
    }
    if (req.method === 'POST' && path === '/__/auth/signout') {
      sessions.delete(sessionToken(req.headers));
      sendJson(res, 200, { ok: true }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax` });
      return true;
    }
    return false;
  };
}
