/** Jest globalTeardown: removes the run's bundles and snapshot. */
import { rmSync } from 'node:fs';
import { TEST_RUN_VARIABLE } from './test-run';

export default function globalTeardown(): void {
  const dir = process.env[TEST_RUN_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
