/**
 * The emulator's controller: starts the services (database, storage, functions, WeChat
 * fakes, dev sign-in) behind one origin bound to 127.0.0.1, and stops them together.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { INDEXES } from '../shared/db/collections';
import { DatabaseService } from './database';
import { StorageService } from './storage/operations';
import { DiskFileStore, MemoryFileStore } from './storage/state';
import { storageRoutes } from './storage/routes';
import { WechatFakes } from './wechat/operations';
import { wechatRoutes } from './wechat/routes';
import { SessionStore } from './auth/sessions';
import { authRoutes } from './auth/routes';
import { FunctionHost, type RemoteDataPlane } from './functions/host';
import { buildFunctions, ROOT, type BuiltFunction } from './functions/build';
import { TimerScheduler } from './functions/timers';
import { timerRoutes } from './functions/timer-routes';
import { functionRoutes } from './functions/routes';
import { Meter } from './core/meter';
import { errorReply, ServiceError } from './core/errors';
import { BadRequestError, fromForeignPage, isRecord, readJson, sendJson } from './core/http';
import type { Route } from './core/route';
import { staticRoutes } from './static';
import { adminRoutes } from './admin';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** A folder for durable state, or ':memory:' for tests. */
  dataDir: string;
  /** Prebuilt bundles; when absent the functions are built first. */
  functions?: readonly BuiltFunction[];
  /** Folder of the H5 build served at `/`. */
  h5Dir?: string;
  envId?: string;
  log?: (message: string) => void;
  transactionTtlMs?: number;
  /** Run the functions' timer triggers on their schedule (default on; tests fire them by hand). */
  timers?: boolean;
  /** A real CloudBase environment for the functions' database and storage (`npm run test:cloud`). */
  dataPlane?: RemoteDataPlane;
  /** Multiplies every function's execution time-out (the test stack on a loaded machine; deployed values by default). */
  functionTimeoutScale?: number;
  /** Multiplies every throttle budget (shared/api/throttle.ts): tests that call as one person many times a minute; 1 by default. */
  throttleScale?: number;
}

export interface Emulator {
  origin: string;
  adminUrl: string;
  database: DatabaseService;
  storage: StorageService;
  wechat: WechatFakes;
  functions: FunctionHost;
  sessions: SessionStore;
  meter: Meter;
  timers: TimerScheduler;
  stop(): Promise<void>;
}

export const DEFAULT_H5_DIR = join(ROOT, 'miniprogram', 'dist', 'h5');

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const log = options.log ?? ((message: string) => console.log(`[emulator] ${message}`));
  const envId = options.envId ?? 'local';
  const memory = options.dataDir === ':memory:';
  if (!memory) mkdirSync(options.dataDir, { recursive: true });

  let origin = '';
  const database = new DatabaseService({
    file: memory ? ':memory:' : join(options.dataDir, 'database.sqlite'),
    indexes: INDEXES,
    log,
    transactionTtlMs: options.transactionTtlMs,
  });
  const storage = new StorageService({
    store: memory ? new MemoryFileStore() : new DiskFileStore(join(options.dataDir, 'storage')),
    envId,
    origin: () => origin,
  });
  const wechat = new WechatFakes(() => origin);
  const sessions = new SessionStore();
  const meter = new Meter();

  const adminRoute: Route = async (req, res, url) => {
    if (url.pathname !== '/admin' || req.method !== 'POST') return false;
    const requestId = randomUUID();
    // The SDK signs every request (Authorization, X-SDK-Version); the emulator does not check the
    // signature, but a request without one, or from a web page, is not the SDK.
    if (fromForeignPage(req, origin) || !req.headers.authorization) {
      sendJson(res, 401, { code: 'SIGN_PARAM_INVALID', message: 'the admin API takes signed SDK requests only', requestId });
      return true;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      sendJson(res, 200, errorReply(new ServiceError('INVALID_PARAM', 'request body is not JSON'), requestId));
      return true;
    }
    const request = isRecord(body) ? body : {};
    const action = typeof request.action === 'string' ? request.action : '';
    meter.record(url.searchParams.get('seqId'), action);
    try {
      if (action.startsWith('database.')) sendJson(res, 200, await database.handle(request, requestId));
      else if (action.startsWith('storage.')) sendJson(res, 200, storage.handle(action, request, requestId));
      else if (action === 'functions.invokeFunction') sendJson(res, 200, await invokeAsAdmin(request, requestId));
      else throw new ServiceError('INVALID_ACTION', `action ${action || '(none)'} is not supported by the emulator`);
    } catch (error) {
      sendJson(res, 200, errorReply(error, requestId));
    }
    return true;
  };

  /** The admin SDK's callFunction (scripts, `npm run cloud:smoke`): no caller identity, as from a server. */
  const invokeAsAdmin = async (request: Record<string, unknown>, requestId: string): Promise<Record<string, unknown>> => {
    const name = typeof request.function_name === 'string' ? request.function_name : '';
    let event: unknown = {};
    try {
      event = typeof request.request_data === 'string' && request.request_data ? JSON.parse(request.request_data) : {};
    } catch {
      return errorReply(new ServiceError('INVALID_PARAM', 'request_data is not JSON'), requestId);
    }
    const outcome = await functions.invoke(name, event, { openid: null, appid: '' });
    if (!outcome.ok) return { code: outcome.reason === 'NOT_FOUND' ? 'FUNCTIONS_NOT_EXIST' : 'FUNCTIONS_EXECUTE_FAIL', message: outcome.message, requestId };
    return { requestId, data: { response_data: JSON.stringify(outcome.result ?? null) } };
  };

  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const adminUrl = `${origin}/admin`;

  const built = options.functions ?? (await buildFunctions());
  const functions = new FunctionHost({ functions: built, adminUrl, wechatUrl: `${origin}/__/wechat`, envId, log, dataPlane: options.dataPlane, timeoutScale: options.functionTimeoutScale, throttleScale: options.throttleScale });
  const timers = new TimerScheduler(functions, built, log);
  if (options.timers !== false) timers.start();
  // WeChat's message push of media-check results goes to the `mediaCheck` function, as 云开发
  // 消息推送 is configured in production (DEPLOY.md); it carries the user's openid.
  wechat.deliverPush = async (event, openid) => {
    const outcome = await functions.invoke('mediaCheck', event, { openid, appid: 'wx_local' });
    if (!outcome.ok) log(`media check push not delivered: ${outcome.message}`);
  };
  if (options.timers !== false) {
    // Like WeChat, answer a moment later, never inside the call that asked.
    wechat.onMediaQueued = () => void setTimeout(() => void wechat.deliverMediaChecks().catch((e) => log(`media checks: ${String(e)}`)), 300).unref();
  }

  const routes: Route[] = [
    adminRoute,
    functionRoutes(functions, sessions, meter),
    authRoutes(database, sessions),
    storageRoutes(storage, sessions),
    wechatRoutes(wechat, (name) => built.find((fn) => fn.name === name)?.openapi),
    adminRoutes({ database, storage, wechat, sessions, origin: () => origin }),
    timerRoutes(timers),
    staticRoutes(options.h5Dir ?? DEFAULT_H5_DIR),
  ];

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    void (async () => {
      try {
        for (const route of routes) if (await route(req, res, url)) return;
        sendJson(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
      } catch (error) {
        if (error instanceof BadRequestError && !res.headersSent) {
          sendJson(res, 400, { error: error.message });
          return;
        }
        log(`request ${req.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal emulator error' });
        else res.end();
      }
    })();
  });

  return {
    origin,
    adminUrl,
    database,
    storage,
    wechat,
    functions,
    sessions,
    meter,
    timers,
    async stop() {
      timers.stop();
      await functions.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.close();
    },
  };
}
