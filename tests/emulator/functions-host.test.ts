/** The function host: per-invocation identity, warm reuse, timeouts and crashes. */
import { build } from 'esbuild';
import { join } from 'node:path';
import { FunctionHost } from '../../emulator/functions/host';
import { ROOT } from '../../emulator/functions/build';

let host: FunctionHost;
let bundle: string;

beforeAll(async () => {
  bundle = join(ROOT, 'dist', 'test-fixtures', String(process.pid), 'probe.js');
  await build({ entryPoints: [join(__dirname, 'fixtures', 'probe.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['@cloudbase/node-sdk'], logLevel: 'silent' });
  host = new FunctionHost({
    functions: [{ name: 'probe', bundle, bytes: 0, timeoutSeconds: 1, triggers: [] }],
    adminUrl: 'http://127.0.0.1:9/admin',
    wechatUrl: 'http://127.0.0.1:9/__/wechat',
    maxInstances: 4,
  });
});

afterAll(() => host.stop());

describe('function host', () => {
  it('injects the caller identity and environment per invocation', async () => {
    const outcome = await host.invoke('probe', {}, { openid: 'o_alice', appid: 'wx1' }, 'invabc');
    expect(outcome).toEqual({ ok: true, result: { before: 'o_alice', after: 'o_alice', env: 'local', seq: 'invabc' } });
  });

  it('never lets concurrent invocations see each other\'s identity, even on warm instances', async () => {
    const callers = Array.from({ length: 12 }, (_, i) => `o_person_${i}`);
    const outcomes = await Promise.all(
      callers.map((openid, i) => host.invoke('probe', { delayMs: 30 + ((i * 17) % 50) }, { openid, appid: 'wx1' })),
    );
    outcomes.forEach((outcome, i) => {
      expect(outcome).toMatchObject({ ok: true, result: { before: callers[i], after: callers[i] } });
    });
  });

  it('clears the identity of a previous caller for an anonymous invocation', async () => {
    await host.invoke('probe', {}, { openid: 'o_previous', appid: 'wx1' });
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => host.invoke('probe', {}, { openid: null, appid: 'wx1' })));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: true, result: { before: '', after: '' } });
  });

  it('times out a hanging invocation and keeps serving afterwards', async () => {
    const outcome = await host.invoke('probe', { mode: 'hang' }, { openid: 'o_a', appid: 'wx1' });
    expect(outcome).toMatchObject({ ok: false, reason: 'TIMEOUT' });
    expect(await host.invoke('probe', {}, { openid: 'o_b', appid: 'wx1' })).toMatchObject({ ok: true, result: { after: 'o_b' } });
  });

  it('reports a thrown error or a dead instance as a crash and recovers', async () => {
    expect(await host.invoke('probe', { mode: 'throw' }, { openid: 'o_a', appid: 'wx1' })).toMatchObject({ ok: false, reason: 'CRASH', message: expect.stringContaining('boom') });
    expect(await host.invoke('probe', { mode: 'exit' }, { openid: 'o_a', appid: 'wx1' })).toMatchObject({ ok: false, reason: 'CRASH' });
    expect(await host.invoke('probe', {}, { openid: 'o_c', appid: 'wx1' })).toMatchObject({ ok: true });
  });

  it("does not count a cold instance's start-up against the execution time-out, which has a limit of its own", async () => {
    const slowBundle = join(ROOT, 'dist', 'test-fixtures', String(process.pid), 'slow-start.js');
    await build({ entryPoints: [join(__dirname, 'fixtures', 'slow-start.ts')], outfile: slowBundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    const slow = { name: 'slow', bundle: slowBundle, bytes: 0, timeoutSeconds: 1, triggers: [] };
    const roomy = new FunctionHost({ functions: [slow], adminUrl: 'http://127.0.0.1:9/admin', wechatUrl: 'http://127.0.0.1:9/__/wechat', maxInstances: 20 });
    const strict = new FunctionHost({ functions: [slow], adminUrl: 'http://127.0.0.1:9/admin', wechatUrl: 'http://127.0.0.1:9/__/wechat', initTimeoutMs: 300 });
    try {
      // 8 first calls at once on 2 cores: cold instances each taking 1.5 s of CPU (6 s and more together) to load, with 1 s to run.
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => roomy.invoke('slow', {}, { openid: 'o_a', appid: 'wx1' })));
      for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: true, result: { loadedFor: expect.any(Number) } });
      // Past the initialisation limit the instance is dropped and the call fails as a crash, not as its own time-out.
      expect(await strict.invoke('slow', {}, { openid: 'o_a', appid: 'wx1' })).toMatchObject({ ok: false, reason: 'CRASH', message: expect.stringContaining('initialise') });
    } finally {
      await Promise.all([roomy.stop(), strict.stop()]);
    }
  });

  it('answers NOT_FOUND for an unknown function', async () => {
    expect(await host.invoke('nope', {}, { openid: 'o_a', appid: 'wx1' })).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
  });

  it('under test:cloud, points the functions\' SDK at the CloudBase environment, not at the emulator', async () => {
    const remote = new FunctionHost({
      functions: [{ name: 'probe', bundle, bytes: 0, timeoutSeconds: 5, triggers: [] }],
      adminUrl: 'http://127.0.0.1:9/admin',
      wechatUrl: 'http://127.0.0.1:9/__/wechat',
      dataPlane: { envId: 'tongxin-test-1a2b', region: 'ap-guangzhou', secretId: 'AKIDtest', secretKey: 'k' },
    });
    try {
      const local = await host.invoke('probe', { mode: 'platform' }, { openid: 'o_a', appid: 'wx1' });
      expect(local).toMatchObject({ ok: true, result: { env: 'local', runenv: 'SCF', secretId: 'local-emulator', cnfg: JSON.stringify({ URL: 'http://127.0.0.1:9/admin' }) } });
      const outcome = await remote.invoke('probe', { mode: 'platform' }, { openid: 'o_a', appid: 'wx1' });
      // Not SCF (the SDK would pick Tencent's internal endpoint) and no injected URL: the public endpoint of that env.
      expect(outcome).toEqual({ ok: true, result: { env: 'tongxin-test-1a2b', runenv: '', cnfg: '', secretId: 'AKIDtest', region: 'ap-guangzhou' } });
    } finally {
      await remote.stop();
    }
  });
});
