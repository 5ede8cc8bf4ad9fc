/**
 * `--dry-run` end to end: the real entry scripts, spawned without credentials (and without
 * reading a developer's .env), print the plan and exit 0, touching nothing.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../emulator/functions/build';
import { COLLECTIONS, INDEXES } from '../../shared/db/collections';
import { readRc } from '../../scripts/cloud/rc';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The parent's environment minus anything that names a target or a key. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TENCENTCLOUD_|TONGXIN_|TCB_)/.test(key) || /proxy/i.test(key)) continue;
    env[key] = value;
  }
  // No .env file, and a dead local address should anything try the tcb API anyway.
  return { ...env, TONGXIN_ENV_FILE: '', TCB_BASE_URL: 'http://127.0.0.1:9', ...extra };
}

async function script(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [join('scripts', 'cloud', file), ...args], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run cloud:setup -- --dry-run', () => {
  it('without credentials plans every collection, index and ACL against an empty environment', async () => {
    const { code, stdout, stderr } = await script('setup.ts', ['--dry-run'], cleanEnv());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('dry run without TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY');
    expect(stdout).toContain('planned against an empty environment');
    for (const collection of Object.values(COLLECTIONS)) {
      expect(stdout).toContain(`create collection   ${collection}\n`);
      expect(stdout).toContain(`set collection ACL  ${collection}: none -> ADMINONLY\n`);
    }
    for (const index of INDEXES) expect(stdout).toContain(`create index        ${index.collection}.${index.name} {`);
    expect(stdout).toContain('set storage ACL     none -> PRIVATE');
    expect(stdout).toMatch(/dry run: nothing was changed\n$/);
  });

  it('without --dry-run refuses to start, naming the missing variables', async () => {
    const { code, stdout, stderr } = await script('setup.ts', [], cleanEnv({ TONGXIN_ENV_ID: 'tongxin-test-1a2b' }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^missing TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY: /);
  });
});

describe('npm run deploy -- --dry-run', () => {
  const secrets = { TENCENTCLOUD_SECRETID: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', TENCENTCLOUD_SECRETKEY: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE' };

  it('prints a deploy step for every function to the env, with the key masked, and runs nothing', async () => {
    const { code, stdout } = await script('deploy.ts', ['--dry-run', '--skip-build'], cleanEnv({ TONGXIN_ENV_ID: 'tongxin-test-1a2b', ...secrets }));
    expect(code).toBe(0);
    for (const fn of readRc().functions) expect(stdout).toContain(`$ tcb fn deploy ${fn.name} -e tongxin-test-1a2b --force --yes\n`);
    expect(stdout).not.toContain('build:functions');
    expect(stdout).toContain('TENCENTCLOUD_SECRETID=AKID****');
    for (const secret of Object.values(secrets)) expect(stdout).not.toContain(secret);
    expect(stdout).toMatch(/dry run: nothing was run\n$/);
  });

  it('works without any credentials, and refuses an unknown --only name', async () => {
    const plain = await script('deploy.ts', ['--dry-run', '--only', 'org'], cleanEnv());
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('dry run without TONGXIN_ENV_ID');
    expect(plain.stdout).toContain('$ npm run --silent build:functions');
    expect(plain.stdout).toContain("$ tcb fn deploy org -e '<TONGXIN_ENV_ID>' --force --yes");
    expect(plain.stdout).not.toContain('fn deploy points');

    const unknown = await script('deploy.ts', ['--dry-run', '--only', 'org,nope'], cleanEnv());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^--only names no such function: nope \(cloudbaserc.json has /);
  });
});
