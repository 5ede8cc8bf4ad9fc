/** Whole-emulator state over HTTP: export, import, reset (`/__/admin/*`). */
import type { DatabaseService } from './database';
import type { StorageService } from './storage/operations';
import type { WechatFakes } from './wechat/operations';
import type { SessionStore } from './auth/sessions';
import { isRecord, readJson, sendJson } from './core/http';
import type { Route } from './core/route';

export interface AdminDeps {
  database: DatabaseService;
  storage: StorageService;
  wechat: WechatFakes;
  sessions: SessionStore;
}

export function adminRoutes({ database, storage, wechat, sessions }: AdminDeps): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith('/__/admin/')) return false;
    const op = url.pathname.slice('/__/admin/'.length);
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
