/**
 * The function host: runs invocations of the built bundles in a pool of worker threads per
 * function (warm instances are reused, as SCF does), each invocation with its own injected
 * environment. A per-function timeout terminates the instance, as SCF does. As on SCF, a cold
 * instance's initialisation (starting the runtime, loading the bundle) has a limit of its own
 * (`initTimeoutMs`) and does not count against the invocation's execution time-out.
 */
import { buildSync } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuiltFunction } from './build';
import { ROOT } from './build';

export interface Identity {
  openid: string | null;
  appid: string;
  unionid?: string;
}

export type InvocationOutcome =
  | { ok: true; result: unknown }
  | { ok: false; reason: 'NOT_FOUND' | 'TIMEOUT' | 'CRASH' | 'BUSY'; message: string };

/**
 * A CloudBase environment that holds the database and storage instead of this emulator
 * (`npm run test:cloud`): the functions still run here, and their SDK reaches it with a key.
 */
export interface RemoteDataPlane {
  envId: string;
  region: string;
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  /** A stand-in's admin URL (another emulator process), to check this mode on one machine. */
  serviceUrl?: string;
}

export interface FunctionHostOptions {
  functions: readonly BuiltFunction[];
  /** The emulator's admin URL, injected as TCB_CONTEXT_CNFG so the real SDK talks to it. */
  adminUrl: string;
  /** Where the WeChat open-API fakes live (injected as TONGXIN_WECHAT_FAKE_URL). */
  wechatUrl: string;
  envId?: string;
  /** CloudBase's per-function concurrency limit on the basic plan. */
  maxInstances?: number;
  log?: (message: string) => void;
  /** When set, database and storage calls go to this environment instead of `adminUrl`. */
  dataPlane?: RemoteDataPlane;
  /** A cold instance's limit for loading its bundle, apart from execution (SCF's initialisation time-out; default 60 s). */
  initTimeoutMs?: number;
  /** Multiplies every function's execution time-out (tests on a loaded machine; 1 by default, as deployed). */
  timeoutScale?: number;
  /** Multiplies the functions' throttle budgets (injected as TONGXIN_THROTTLE_SCALE). */
  throttleScale?: number;
}

/** SCF's default initialisation time-out: a cold start may take this long before the execution timer starts. */
export const DEFAULT_INIT_TIMEOUT_MS = 60_000;

interface Pending {
  resolve: (outcome: InvocationOutcome) => void;
  timer: NodeJS.Timeout;
}

interface Instance {
  worker: Worker;
  /** Settles once the bundle has loaded: true when it did, false when the instance died or took too long. */
  ready: Promise<boolean>;
  pending: Pending | null;
  invocationId: string | null;
}

interface Pool {
  fn: BuiltFunction;
  idle: Instance[];
  busy: Set<Instance>;
  waiting: Array<() => void>;
}

let compiledWorker: string | null = null;

/** The worker entry is TypeScript; compile it once so plain Node can start it. */
function workerScript(): string {
  if (compiledWorker) return compiledWorker;
  const outDir = join(ROOT, 'dist', 'emulator');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'function-worker.js');
  // Built beside it and renamed into place: processes started together (Jest workers) never load a half-written file.
  const partial = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(__dirname, 'worker.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  renameSync(partial, outfile);
  compiledWorker = outfile;
  return outfile;
}

export class FunctionHost {
  private readonly pools = new Map<string, Pool>();
  private readonly maxInstances: number;
  private readonly envId: string;
  private readonly initTimeoutMs: number;
  private readonly timeoutScale: number;
  private seq = 0;
  private stopped = false;
  /** Test clock: functions see Date.now() + this (injected as TONGXIN_CLOCK_OFFSET_MS; never set in production). */
  private clockOffsetMs = 0;
  /** A stopped test clock (TONGXIN_CLOCK_FROZEN_MS), or null. */
  private frozenAtMs: number | null = null;

  constructor(private readonly options: FunctionHostOptions) {
    this.maxInstances = options.maxInstances ?? 20;
    this.envId = options.envId ?? 'local';
    this.initTimeoutMs = options.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS;
    this.timeoutScale = options.timeoutScale ?? 1;
    for (const fn of options.functions) this.pools.set(fn.name, { fn, idle: [], busy: new Set(), waiting: [] });
  }

  /** Moves the functions' clock so that it reads `at` now and runs on (null: the real clock again). */
  setClock(at: Date | null): void {
    this.frozenAtMs = null;
    this.clockOffsetMs = at ? at.getTime() - Date.now() : 0;
  }

  /** Stops the functions' clock at `at`: every call sees that instant until it is moved (tests that must not depend on the machine's speed). */
  freezeClock(at: Date): void {
    this.frozenAtMs = at.getTime();
  }

  /** What the functions' clock reads now: a test computes its expectations from the same clock. */
  now(): Date {
    return new Date(this.frozenAtMs ?? Date.now() + this.clockOffsetMs);
  }

  /** Moves the functions' clock on by `ms`, frozen or running (instead of sleeping in a test). */
  advanceClock(ms: number): void {
    if (this.frozenAtMs !== null) this.frozenAtMs += ms;
    else this.clockOffsetMs += ms;
  }

  names(): string[] {
    return [...this.pools.keys()];
  }

  /** Runs one invocation. `invocationId` is also the TCB_SEQID, so database calls can be metered per invocation. */
  async invoke(name: string, event: unknown, identity: Identity, invocationId = this.nextId()): Promise<InvocationOutcome> {
    const pool = this.pools.get(name);
    if (!pool) return { ok: false, reason: 'NOT_FOUND', message: `no function named ${name}` };
    const instance = await this.acquire(pool);
    if (!instance) return { ok: false, reason: 'CRASH', message: 'the function host has stopped' };
    try {
      if (this.stopped) return { ok: false, reason: 'CRASH', message: 'the function host has stopped' };
      return await this.run(pool, instance, event, identity, invocationId);
    } finally {
      this.release(pool, instance);
    }
  }

  nextId(): string {
    this.seq += 1;
    return `inv${Date.now().toString(36)}${this.seq.toString(36)}`;
  }

  async stop(): Promise<void> {
    // No new instances after this; invocations still waiting for one are answered with a crash.
    this.stopped = true;
    for (const pool of this.pools.values()) pool.waiting.splice(0).forEach((wake) => wake());
    const all: Instance[] = [];
    for (const pool of this.pools.values()) all.push(...pool.idle, ...pool.busy);
    await Promise.all(all.map((instance) => instance.worker.terminate()));
    for (const pool of this.pools.values()) {
      pool.idle = [];
      pool.busy.clear();
    }
  }

  private environment(name: string, identity: Identity, invocationId: string, timeoutMs: number): Record<string, string> {
    const env: Record<string, string> = {
      ...this.platformEnvironment(),
      // The execution time-out in force (config.json's, times timeoutScale), so retry deadlines stay inside it.
      TONGXIN_FUNCTION_TIMEOUT_MS: String(timeoutMs),
      TCB_SEQID: invocationId,
      // As SCF names the running function.
      SCF_FUNCTIONNAME: name,
      TCB_CONTEXT_KEYS: 'TCB_ENV,SCF_NAMESPACE,TCB_SEQID',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
      WX_APPID: identity.appid,
      WX_CLIENTIP: '127.0.0.1',
      TONGXIN_WECHAT_FAKE_URL: this.options.wechatUrl,
      TONGXIN_THROTTLE_SCALE: String(this.options.throttleScale ?? 1),
    };
    if (this.frozenAtMs !== null) env.TONGXIN_CLOCK_FROZEN_MS = String(this.frozenAtMs);
    else if (this.clockOffsetMs) env.TONGXIN_CLOCK_OFFSET_MS = String(this.clockOffsetMs);
    if (identity.openid) env.WX_OPENID = identity.openid;
    if (identity.unionid) env.WX_UNIONID = identity.unionid;
    return env;
  }

  /** Where the functions' SDK sends database and storage calls, and with which key. */
  private platformEnvironment(): Record<string, string> {
    const plane = this.options.dataPlane;
    if (!plane) {
      return {
        // As SCF injects them; TENCENTCLOUD_RUNENV=SCF also stops the SDK probing Tencent's metadata host.
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD_REGION: 'ap-shanghai',
        TCB_ENV: this.envId,
        SCF_NAMESPACE: this.envId,
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.adminUrl }),
        TENCENTCLOUD_SECRETID: 'local-emulator',
        TENCENTCLOUD_SECRETKEY: 'local-emulator',
      };
    }
    // Not SCF: inside SCF the SDK would use Tencent's internal endpoint, unreachable from here.
    // Empty values override whatever the host process itself carries.
    const env: Record<string, string> = {
      TENCENTCLOUD_RUNENV: '',
      TENCENTCLOUD: '',
      TCB_CONTEXT_CNFG: '',
      TENCENTCLOUD_REGION: plane.region,
      TCB_ENV: plane.envId,
      SCF_NAMESPACE: plane.envId,
      TENCENTCLOUD_SECRETID: plane.secretId,
      TENCENTCLOUD_SECRETKEY: plane.secretKey,
    };
    if (plane.sessionToken) env.TENCENTCLOUD_SESSIONTOKEN = plane.sessionToken;
    if (plane.serviceUrl) {
      env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: plane.serviceUrl });
      env.TENCENTCLOUD = 'true'; // a stand-in on loopback: skip the metadata probe
    }
    return env;
  }

  private async acquire(pool: Pool): Promise<Instance | null> {
    for (;;) {
      if (this.stopped) return null;
      const idle = pool.idle.pop();
      if (idle) {
        pool.busy.add(idle);
        return idle;
      }
      if (pool.busy.size < this.maxInstances) {
        const instance = this.spawn(pool);
        pool.busy.add(instance);
        return instance;
      }
      await new Promise<void>((resolve) => pool.waiting.push(resolve));
    }
  }

  private release(pool: Pool, instance: Instance): void {
    if (pool.busy.delete(instance) && instance.pending === null && instance.invocationId === null) {
      pool.idle.push(instance);
    }
    pool.waiting.shift()?.();
  }

  private spawn(pool: Pool): Instance {
    const worker = new Worker(workerScript(), {
      workerData: { bundle: pool.fn.bundle, functionName: pool.fn.name },
      // Each instance starts from the host's environment minus anything identity-like.
      env: { PATH: process.env.PATH ?? '', NODE_ENV: process.env.NODE_ENV ?? 'development', TZ: process.env.TZ ?? '' },
    });
    let settleReady: (loaded: boolean) => void = () => undefined;
    const ready = new Promise<boolean>((resolve) => (settleReady = resolve));
    const instance: Instance = { worker, ready, pending: null, invocationId: null };
    const died = (message: string) => {
      clearTimeout(initTimer);
      settleReady(false);
      this.fail(pool, instance, 'CRASH', message);
    };
    const initTimer: NodeJS.Timeout = setTimeout(() => {
      this.options.log?.(`function ${pool.fn.name} did not initialise within ${this.initTimeoutMs} ms`);
      died('initialisation timed out');
      void worker.terminate();
    }, this.initTimeoutMs);
    worker.on('message', (message: { ready?: true; id?: string; ok?: boolean; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(initTimer);
        settleReady(true);
        return;
      }
      const pending = instance.pending;
      if (!pending || message.id !== instance.invocationId) return;
      clearTimeout(pending.timer);
      instance.pending = null;
      instance.invocationId = null;
      pending.resolve(
        message.ok ? { ok: true, result: message.result } : { ok: false, reason: 'CRASH', message: message.error ?? 'crash' },
      );
    });
    worker.on('error', (error) => died(error.message));
    worker.on('exit', () => died('instance exited'));
    return instance;
  }

  /** Ends the instance's pending invocation and removes the instance from the pool. */
  private fail(pool: Pool, instance: Instance, reason: 'CRASH' | 'TIMEOUT', message: string): void {
    pool.idle = pool.idle.filter((other) => other !== instance);
    pool.busy.delete(instance);
    const pending = instance.pending;
    instance.pending = null;
    instance.invocationId = null;
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, reason, message });
    }
  }

  private async run(pool: Pool, instance: Instance, event: unknown, identity: Identity, invocationId: string): Promise<InvocationOutcome> {
    if (!(await instance.ready)) return { ok: false, reason: 'CRASH', message: `function ${pool.fn.name} failed to initialise` };
    return new Promise<InvocationOutcome>((resolve) => {
      // The execution timer starts once the instance is ready: a cold start is not execution time.
      const timeoutMs = pool.fn.timeoutSeconds * 1000 * this.timeoutScale;
      const timer = setTimeout(() => {
        this.options.log?.(`function ${pool.fn.name} timed out after ${timeoutMs} ms (${invocationId})`);
        this.fail(pool, instance, 'TIMEOUT', `timed out after ${timeoutMs} ms`);
        void instance.worker.terminate();
      }, timeoutMs);
      instance.pending = { resolve, timer };
      instance.invocationId = invocationId;
      instance.worker.postMessage({ id: invocationId, event, env: this.environment(pool.fn.name, identity, invocationId, timeoutMs) });
    });
  }
}

export function randomOpenid(): string {
  return `o${randomUUID().replace(/-/g, '').slice(0, 27)}`;
}
