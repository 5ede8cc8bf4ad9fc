/** Removes the e2e run's seeded template (global-setup.ts). */
import { rmSync } from 'node:fs';
import { SEEDED_TEMPLATE } from './server';

export default function globalTeardown(): void {
  rmSync(SEEDED_TEMPLATE, { recursive: true, force: true });
}
