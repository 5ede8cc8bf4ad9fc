/** Builds the points-probe test function into this worker's folder. */
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT, type BuiltFunction } from '../../../emulator/functions/build';

export async function buildPointsProbe(): Promise<BuiltFunction> {
  const bundle = join(ROOT, 'dist', 'test-functions', String(process.pid), 'points-probe', 'index.js');
  await build({
    entryPoints: [join(__dirname, '..', 'fixtures', 'points-probe.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    logLevel: 'silent',
  });
  return { name: 'points-probe', bundle, bytes: 0, timeoutSeconds: 30, triggers: [] };
}
