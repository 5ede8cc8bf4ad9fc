/**
 * Runs `npm start` as a newcomer would (a free port, a data folder of its own) and waits until
 * it is ready. The e2e run's globalSetup makes one fresh start (build, seed through the
 * functions) and keeps its data folder; each journey then starts from a copy of it, so every
 * file begins with the same demo company without seeding it again (about 25 s a file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The seeded data folder of this e2e run (made by global-setup.ts), copied for each journey. */
export const SEEDED_TEMPLATE = join(ROOT, 'dist', 'e2e-seeded');

export interface StartedApp {
  origin: string;
  readySeconds: number;
  dataDir: string;
  output: () => string;
  /** Stops `npm start`; its data folder is removed unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startApp(options: { from?: string; timeoutMs?: number } = {}): Promise<StartedApp> {
  const timeoutMs = options.timeoutMs ?? 200000;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
  if (options.from) cpSync(options.from, dataDir, { recursive: true });
  const started = Date.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    // Jest sets NODE_ENV=test; a newcomer's shell does not, and the builds must not see it.
    env: { ...process.env, NODE_ENV: '', EMULATOR_PORT: String(port), TONGXIN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tongxin is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  await ready;
  return {
    origin: `http://127.0.0.1:${port}`,
    readySeconds: (Date.now() - started) / 1000,
    dataDir,
    output: () => output,
    async stop(stopOptions = {}) {
      child.removeAllListeners('exit');
      child.stdout?.destroy();
      child.stderr?.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
