/**
 * The built bundles run in plain Node outside the repository, as CloudBase runs them: the
 * deployable folder is copied to a temporary directory (with the SDKs beside it, as the
 * cloud installs them from each bundle's package.json), and each bundle's `main` is called in
 * a plain Node process with the platform's environment, against the emulator.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildFunctions, ROOT } from '../../emulator/functions/build';
import { ERROR_CODES } from '../../shared/api/errors';
import { contract, splitAction, type ActionName } from '../../shared/api/contract';
import { mayCall } from '../../shared/api/policy';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';

const run = promisify(execFile);
let stack: LocalStack;
let outside: string;

beforeAll(async () => {
  stack = await startLocalStack();
  const built = mkdtempSync(join(tmpdir(), 'tongxin-build-'));
  await buildFunctions(built);
  outside = mkdtempSync(join(tmpdir(), 'tongxin-deploy-'));
  cpSync(built, join(outside, 'cloudfunctions'), { recursive: true });
  rmSync(built, { recursive: true, force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(outside, 'node_modules'), 'dir');
});

afterAll(async () => {
  await stack.stop();
  rmSync(outside, { recursive: true, force: true });
});

it('runs every function bundle from a folder outside the repository', async () => {
  const names = readdirSync(join(outside, 'cloudfunctions')).sort();
  // For each function, an action the demo secretary may call with an empty input (a read), else its first action.
  const actions = Object.keys(contract) as ActionName[];
  const readable = (a: ActionName) => contract[a].input.safeParse({}).success && mayCall(a, ['member', 'committeeMember', 'secretary']);
  const calls = names.map((name) => {
    const own = actions.filter((a) => splitAction(a).functionName === name);
    const bundle = join(outside, 'cloudfunctions', name, 'index.js');
    // A function with no phone action (mediaCheck, WeChat's push): a push for a trace it never sent.
    if (!own.length) return { name, read: false, bundle, event: { Event: 'wxa_media_check', trace_id: 'trace-bundle-test', result: { suggest: 'pass', label: 100 } } };
    const action = own.find(readable) ?? own[0];
    return { name, read: readable(action), bundle, event: { action: splitAction(action).action, input: {} } };
  });
  const env = {
    PATH: process.env.PATH ?? '',
    TENCENTCLOUD_RUNENV: 'SCF',
    TCB_ENV: 'local',
    SCF_NAMESPACE: 'local',
    TCB_SEQID: 'bundle-test',
    TCB_CONTEXT_KEYS: 'TCB_ENV,SCF_NAMESPACE,TCB_SEQID',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: stack.adminUrl }),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: demoOpenid('b-netops-m01'),
    WX_APPID: 'wxlocalemulator0001',
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TONGXIN_WECHAT_FAKE_URL: `${stack.origin}/__/wechat`,
  };
  const { stdout } = await run(process.execPath, [join(__dirname, 'support', 'run-bundles.js'), JSON.stringify(calls)], { cwd: outside, env, timeout: 120_000, maxBuffer: 20 * 1024 * 1024 });
  const results = JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as Array<{ name: string; crash?: string; reply?: { ok: boolean; error?: { code: string } } }>;
  expect(results.map((r) => r.name)).toEqual(names);
  for (const r of results) {
    expect([r.name, r.crash]).toEqual([r.name, undefined]);
    // An answer from the function itself: data, or an error of the contract that is not a crash.
    expect([r.name, typeof r.reply?.ok]).toEqual([r.name, 'boolean']);
    if (!r.reply?.ok) expect([r.name, ERROR_CODES.filter((c) => c !== 'INTERNAL')]).toEqual([r.name, expect.arrayContaining([r.reply?.error?.code])]);
  }
  // The reads answer with data: the SDK inside the bundle reached the emulator's database.
  const reads = calls.filter((c) => c.read).map((c) => c.name);
  expect(reads.length).toBeGreaterThan(names.length / 2);
  for (const name of reads) expect([name, results.find((r) => r.name === name)?.reply?.ok]).toEqual([name, true]);
}, 180_000);

it("carries each function's own config.json time-out into its bundle, for the transaction deadline (CloudBase tells a function nothing)", async () => {
  const { readFileSync } = await import('node:fs');
  for (const name of readdirSync(join(outside, 'cloudfunctions'))) {
    const dir = join(outside, 'cloudfunctions', name);
    const timeout = (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { timeout: number }).timeout;
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    expect([name, bundle.includes('TONGXIN_CONFIGURED_TIMEOUT_SECONDS')]).toEqual([name, false]);
    const deadline = /function deadlineMs\(\) \{[\s\S]*?\n\}/.exec(bundle)?.[0];
    if (!deadline) continue; // no transaction in this function
    // The bundle's own deadline function, run as on CloudBase (no TONGXIN_FUNCTION_TIMEOUT_MS).
    const ms = new Function('process', `${deadline}\nreturn deadlineMs();`)({ env: {} }) as number;
    expect([name, ms]).toEqual([name, timeout * 800]);
  }
});
