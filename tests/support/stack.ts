/**
 * A whole local stack for tests: the emulator in memory, the functions built into a
 * folder of this Jest worker's own, the demo company seeded, and dev sign-in helpers.
 * Under `npm run test:cloud` the functions' database and storage are a CloudBase test
 * environment instead (see target.ts), emptied before each stack starts.
 */
import { join } from 'node:path';
import { startEmulator, buildFunctions, type BuiltFunction, type Emulator } from '../../emulator';
import { ROOT } from '../../emulator/functions/build';
import { demoData, type SeedData } from '../../scripts/seed/demo';
import { loadSeed, type AdminApp } from '../../scripts/seed/load';
import { localPlane, remotePlane, wipe, type DataPlane, type State } from './data-plane';
import { testTarget } from './target';
import { currentTestRun } from './test-run';
import { COLLECTIONS } from '../../shared/db/collections';

/**
 * Execution time-outs in tests are this many times the deployed ones: a loaded CI machine
 * must not turn a slow invocation into INTERNAL. The host's own tests keep real time-outs.
 */
export const TEST_TIMEOUT_SCALE = 4;
/**
 * Tests call as one person far faster than a person can (a secretary schedules 30 meetings in a
 * second), so their budgets are 100 times the table's; tests/functions/throttle.test.ts and
 * `npm start` run the table's own.
 */
export const TEST_THROTTLE_SCALE = 100;

export interface LocalStack {
  origin: string;
  adminUrl: string;
  emulator: Emulator;
  /** An admin SDK app on the functions' own database and storage. */
  app: AdminApp;
  /** Every document of every collection, wherever the data lives, with the rate meters (bookkeeping every metered call writes) left empty. */
  state(): Promise<State>;
  /** Places a file as a phone's upload would; returns its fileID. */
  putFile: DataPlane['putFile'];
  /** Documents written so far, leaving out the rate meters every metered call counts itself in: "nothing was written" is one comparison. */
  dataWrites(): number;
  /** Signs in as a WeChat identity; returns the session token for the x-tongxin-session header. */
  signIn(openid: string): Promise<string>;
  people(): Promise<Array<{ openid: string; name: string; branchName: string; roles: string[] }>>;
  /** Calls `function.action` as the token's identity; returns the HTTP status and the envelope. */
  call(action: string, input: unknown, token: string | null): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

export interface StackOptions {
  seed?: SeedData | false;
  h5Dir?: string;
  extraFunctions?: BuiltFunction[];
  dataDir?: string;
  /**
   * Stops the functions' clock at this instant for the stack's life (tests move it by hand).
   * A file that computes "this quarter" or "today" once, when it loads, passes this same
   * instant: a run that crosses midnight at the end of a quarter cannot split the file in two.
   */
  frozenAt?: Date;
  /** Multiplies the throttle budgets; TEST_THROTTLE_SCALE unless a test is about the budgets (1). */
  throttleScale?: number;
}

export async function startLocalStack(options: StackOptions = {}): Promise<LocalStack> {
  const run = currentTestRun();
  const built = run?.functions ?? (await buildFunctions(join(ROOT, 'dist', 'test-functions', String(process.pid))));
  const functions = [...built, ...(options.extraFunctions ?? [])];
  const target = testTarget();
  const dataPlane = target.kind === 'cloud' ? target.plane : undefined;
  const emulator = await startEmulator({ port: 0, dataDir: options.dataDir ?? ':memory:', functions, h5Dir: options.h5Dir, log: () => undefined, timers: false, dataPlane, functionTimeoutScale: TEST_TIMEOUT_SCALE, throttleScale: options.throttleScale ?? TEST_THROTTLE_SCALE });
  if (options.frozenAt) emulator.functions.freezeClock(options.frozenAt);
  const plane = dataPlane ? remotePlane(dataPlane) : localPlane(emulator);
  // A data folder means "carry on from what is there" (a restart); the cloud's equivalent is keeping it.
  if (dataPlane && (options.seed !== false || !options.dataDir)) await wipe(plane.app);
  // The run's snapshot is the demo seed already loaded; restoring it skips ~40 SDK round trips per file.
  if (options.seed === undefined && run && !dataPlane) emulator.database.importState(run.seed);
  else if (options.seed !== false) await loadSeed(plane.app, options.seed ?? demoData());
  const { origin } = emulator;
  // A session token per identity for the stack's life (the emulator's sessions never expire).
  const tokens = new Map<string, string>();
  return {
    origin,
    adminUrl: emulator.adminUrl,
    emulator,
    app: plane.app,
    // The meters' collection is kept, empty: a state restored from this one still has it.
    state: async () => ({ ...(await plane.state()), [COLLECTIONS.rateMeters]: [] }),
    putFile: (cloudPath, file) => plane.putFile(cloudPath, file),
    dataWrites: () => emulator.database.writeCount({ except: [COLLECTIONS.rateMeters] }),
    async signIn(openid) {
      const known = tokens.get(openid);
      if (known && emulator.sessions.get(known)) return known;
      const response = await fetch(`${origin}/__/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid }),
      });
      const body = (await response.json()) as { token: string };
      tokens.set(openid, body.token);
      return body.token;
    },
    async people() {
      return (await (await fetch(`${origin}/__/auth/people`)).json()) as Awaited<ReturnType<LocalStack['people']>>;
    },
    async call(action, input, token) {
      const dot = action.indexOf('.');
      const response = await fetch(`${origin}/functions/${action.slice(0, dot)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-tongxin-session': token } : {}) },
        body: JSON.stringify({ action: action.slice(dot + 1), input }),
      });
      return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
    },
    stop: () => emulator.stop(),
  };
}
