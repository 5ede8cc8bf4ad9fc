/** Whole-emulator state over HTTP: export, import, reset (`/__/admin/*`). */
import type { DatabaseService } from './database';
import type { StorageService } from './storage/operations';
import type { WechatFakes } from './wechat/operations';
import type { SessionStore } from './auth/sessions';
import { fromForeignPage, isJsonRequest, isRecord, readJson, sendJson } from './core/http';
import type { Route } from './core/route';

export interface AdminDeps {
  database: DatabaseService;
  storage: StorageService;
  wechat: WechatFakes;
  sessions: SessionStore;
  /** The emulator's own origin: a POST from a page of any other is refused. */
  origin: () => string;
}

export function adminRoutes({ database, storage, wechat, sessions, origin }: AdminDeps): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/__/admin/')) return false;
    const op = url.pathname.slice('/__/admin/'.length);
    // Import and reset replace everything: only a JSON request from a script (or this origin), never a
    // form or text/plain post a page of another origin can make without asking.
    if (req.method === 'POST' && (fromForeignPage(req, origin()) || !isJsonRequest(req))) {
      sendJson(res, 403, { error: 'admin requests must be JSON (content-type: application/json) and not from another origin' });
      return true;
    }
    if (req.method === 'GET' && op === 'health') {
      sendJson(res, 200, { ok: true, collections: database.listCollections() });
      return true;
    }
    if (req.method === 'GET' && op === 'export') {
      sendJson(res, 200, { database: database.exportState(), storage: storage.exportFiles() });
      return true;
    }
    if (req.method === 'POST' && op === 'import') {
      const body = await readJson(req);
      if (!isRecord(body) || !isRecord(body.database)) {
        sendJson(res, 400, { error: 'expected {database: {collection: documents[]}}' });
        return true;
      }
      database.importState(body.database as Record<string, unknown[]>);
      if (isRecord(body.storage)) storage.importFiles(body.storage as Record<string, { contentType: string; base64: string }>);
      sendJson(res, 200, { ok: true, collections: database.listCollections() });
      return true;
    }
    if (req.method === 'POST' && op === 'reset') {
      database.reset();
      storage.reset();
      wechat.reset();
      sessions.clear();
      sendJson(res, 200, { ok: true });
      return true;
    }
    return false;
  };
}
