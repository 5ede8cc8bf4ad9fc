/**
 * `npm run test:cloud` itself. Without an environment it says it did nothing. With one it
 * runs the suites with database and storage elsewhere: checked here against a stand-in (an
 * emulator of its own, reached only through the SDK with a key, as CloudBase would be).
 */
import { spawn } from 'node:child_process';
import { startEmulator, type Emulator } from '../../emulator';
import { ROOT } from '../../emulator/functions/build';
import { EMULATOR_ONLY } from '../support/target';

const clean = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const name of ['TONGXIN_CLOUD_TEST_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TONGXIN_ENV_ID', 'TONGXIN_CLOUD_SERVICE_URL', 'TONGXIN_TEST_TARGET', 'TENCENTCLOUD_RUNENV', 'TENCENTCLOUD']) delete env[name];
  return env;
};

// Asynchronous: the stand-in below lives in this process and must keep answering meanwhile.
const run = (env: NodeJS.ProcessEnv, files: string[] = []) =>
  new Promise<{ status: number | null; text: string }>((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/test-cloud.ts', ...files], { cwd: ROOT, env });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, text }));
  });

it('says plainly that it did nothing when the environment or key is not set', async () => {
  const { status, text } = await run(clean());
  expect(status).toBe(0);
  expect(text).toContain('test:cloud did nothing: TONGXIN_CLOUD_TEST_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY are not set.');
  expect(text).not.toMatch(/Tests:/);
});

it('refuses the environment the project deploys to, because the tests empty it', async () => {
  const { status, text } = await run({ ...clean(), TONGXIN_CLOUD_TEST_ENV_ID: 'tongxin-prod', TONGXIN_ENV_ID: 'tongxin-prod', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' });
  expect(status).toBe(2);
  expect(text).toContain('refuses tongxin-prod');
});

describe('against a stand-in environment', () => {
  let standIn: Emulator;
  beforeAll(async () => {
    standIn = await startEmulator({ port: 0, dataDir: ':memory:', functions: [], log: () => undefined, timers: false });
  });
  afterAll(() => standIn.stop());

  it('runs SDK and function suites with their data in that environment, and lists what it leaves out', async () => {
    const { status, text } = await run(
      { ...clean(), TONGXIN_CLOUD_TEST_ENV_ID: 'standin', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', TONGXIN_CLOUD_SERVICE_URL: standIn.adminUrl },
      ['tests/emulator/database.transactions.test.ts', 'tests/functions/join.test.ts'],
    );
    expect(text).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(status).toBe(0);
    for (const file of Object.keys(EMULATOR_ONLY)) expect(text).toContain(file);
    // The functions wrote to the stand-in, not to the emulator the test stack runs them in.
    const state = standIn.database.exportState() as Record<string, Array<{ status?: string }>>;
    expect(state.join_requests.some((r) => r.status === 'approved')).toBe(true);
    expect(state.acc?.length).toBe(2); // the transactions suite's own collection
  }, 300_000);
});
