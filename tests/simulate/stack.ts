/**
 * The tests/support/stack.ts interface, served from a child Node process (see stack-child.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SimulateStack {
  origin: string;
  signIn(openid: string): Promise<string>;
  people(): Promise<Array<{ openid: string; name: string; branchName?: string; roles: string[] }>>;
  /** Calls `function.action` as the token's identity (the test's own view of the server). */
  call<T = unknown>(action: string, input: unknown, token: string | null): Promise<{ status: number; body: { ok: boolean; data?: T; error?: { code: string; message: string } } }>;
  /** Every document of one collection. */
  collection<T = Record<string, unknown>>(name: string): Promise<T[]>;
  /** WeChat's asynchronous image-check results, delivered now; the number delivered. */
  deliverMediaChecks(): Promise<number>;
  /** Places a file in storage as the admin would (a lesson's video); returns its fileID. */
  putFile(cloudPath: string, bytes: Uint8Array, contentType: string): Promise<string>;
  /** Moves the functions' clock on by `ms` (a lesson watched for minutes, in a second). */
  advanceClock(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export function startStack(timeoutMs = 110_000): Promise<SimulateStack> {
  const child: ChildProcess = fork(path.join(__dirname, 'stack-child.ts'), [], {
    cwd: path.resolve(__dirname, '..', '..'),
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const rpc = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error('local stack process is gone'));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, method, args });
    });

  return new Promise<SimulateStack>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`local stack did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      for (const p of pending.values()) p.reject(new Error(`local stack exited (${code})`));
      pending.clear();
      reject(new Error(`local stack process exited with code ${code} before it was ready`));
    });
    child.on('message', (msg: { ready?: boolean; origin?: string; error?: string; id?: number; ok?: boolean; result?: unknown }) => {
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.ok) p?.resolve(msg.result);
        else p?.reject(new Error(msg.error));
        return;
      }
      clearTimeout(timer);
      if (!msg.ready || !msg.origin) {
        reject(new Error(`local stack failed to start: ${msg.error}`));
        return;
      }
      resolve({
        origin: msg.origin,
        signIn: (openid) => rpc<string>('signIn', openid),
        people: () => rpc('people'),
        call: (action, input, token) => rpc('call', action, input, token),
        collection: (name) => rpc('collection', name),
        deliverMediaChecks: () => rpc('deliverMediaChecks'),
        advanceClock: (ms) => rpc('advanceClock', ms),
        putFile: (cloudPath, bytes, contentType) => rpc('putFile', cloudPath, Buffer.from(bytes).toString('base64'), contentType),
        async stop() {
          if (!child.connected) return;
          await rpc('stop').catch(() => undefined);
          await new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill(), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
          });
        },
      });
    });
  });
}
