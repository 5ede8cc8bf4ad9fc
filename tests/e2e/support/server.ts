/** Runs `npm start` as a newcomer would (fresh data folder, a free port) and waits until it is ready. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

export interface StartedApp {
  origin: string;
  readySeconds: number;
  output: () => string;
  stop(): Promise<void>;
}

export async function startApp(timeoutMs = 200000): Promise<StartedApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
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
    output: () => output,
    async stop() {
      child.removeAllListeners('exit');
      child.stdout?.destroy();
      child.stderr?.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
