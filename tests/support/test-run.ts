/**
 * What one Jest run prepares once and every test stack of the run reuses: the function
 * bundles (21 esbuild builds) and the seeded demo database as a snapshot. Jest's globalSetup
 * writes them to a folder of the run and names it in TONGXIN_TEST_RUN; a stack started
 * outside Jest (a script, a child process without the variable) builds and seeds as before.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions, startEmulator, type BuiltFunction } from '../../emulator';
import { ROOT } from '../../emulator/functions/build';
import { demoData } from '../../scripts/seed/demo';
import { adminApp, loadSeed } from '../../scripts/seed/load';
import type { State } from './data-plane';

export const TEST_RUN_VARIABLE = 'TONGXIN_TEST_RUN';

export interface TestRun {
  functions: BuiltFunction[];
  /** The demo company as `loadSeed(demoData())` leaves it, in the emulator's export form. */
  seed: State;
}

/** Builds the bundles and the seed snapshot into a new folder; returns the folder. */
export async function prepareTestRun(dir = join(ROOT, 'dist', 'test-run', String(process.pid))): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const functions = await buildFunctions(join(dir, 'functions'));
  const emulator = await startEmulator({ port: 0, dataDir: ':memory:', functions: [], timers: false, log: () => undefined });
  try {
    await loadSeed(adminApp(emulator.adminUrl), demoData());
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(emulator.database.exportState()));
  } finally {
    await emulator.stop();
  }
  writeFileSync(join(dir, 'functions.json'), JSON.stringify(functions));
  return dir;
}

let cached: TestRun | null | undefined;

/** The run prepared by globalSetup, or null outside such a run. Read once per process. */
export function currentTestRun(): TestRun | null {
  if (cached !== undefined) return cached;
  const dir = process.env[TEST_RUN_VARIABLE];
  if (!dir || !existsSync(join(dir, 'functions.json'))) return (cached = null);
  cached = {
    functions: JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')) as BuiltFunction[],
    seed: JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')) as State,
  };
  return cached;
}
