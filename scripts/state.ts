/**
 * Emulator state commands, against the running emulator at EMULATOR_PORT or, when none
 * answers, a temporary one on the same data folder:
 *   npm run seed                 load the demo company (into an empty emulator)
 *   npm run state -- export DIR  write the whole state to a JSON folder
 *   npm run state -- import DIR  replace the whole state from such a folder
 *   npm run reset                drop everything
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunctions, startEmulator, type Emulator } from '../emulator';
import { isEmpty } from './seed/load';
import { seedDemo } from './seed';
import { DATA_DIR, emulatorPort } from './lib';

async function running(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/__/admin/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function withEmulator(work: (origin: string) => Promise<void>, options: { functions: boolean }): Promise<void> {
  const origin = `http://127.0.0.1:${emulatorPort()}`;
  if (await running(origin)) return work(origin);
  // Seeding makes the study content through the functions, so it needs them built.
  const functions = options.functions ? await buildFunctions() : [];
  const emulator: Emulator = await startEmulator({ port: 0, dataDir: DATA_DIR, functions, log: () => undefined, timers: false });
  try {
    await work(emulator.origin);
  } finally {
    await emulator.stop();
  }
}

async function post(origin: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
}

async function main() {
  const [command, dirArg] = process.argv.slice(2);
  await withEmulator(async (origin) => {
    const adminUrl = `${origin}/admin`;
    switch (command) {
      case 'seed': {
        if (!(await isEmpty(adminUrl))) {
          console.log('the emulator already holds data; run `npm run reset` first to reseed');
          return;
        }
        console.log(await seedDemo(origin));
        return;
      }
      case 'reset':
        await post(origin, '/__/admin/reset', {});
        console.log('emulator state dropped');
        return;
      case 'export': {
        if (!dirArg) throw new Error('usage: npm run state -- export DIR');
        const dir = resolve(dirArg);
        const state = (await (await fetch(`${origin}/__/admin/export`)).json()) as {
          database: Record<string, unknown[]>;
          storage: Record<string, unknown>;
        };
        mkdirSync(join(dir, 'database'), { recursive: true });
        for (const [name, docs] of Object.entries(state.database)) {
          writeFileSync(join(dir, 'database', `${name}.json`), JSON.stringify(docs, null, 2));
        }
        writeFileSync(join(dir, 'storage.json'), JSON.stringify(state.storage));
        console.log(`exported ${Object.keys(state.database).length} collections and ${Object.keys(state.storage).length} files to ${dir}`);
        return;
      }
      case 'import': {
        if (!dirArg) throw new Error('usage: npm run state -- import DIR');
        const dir = resolve(dirArg);
        const database: Record<string, unknown[]> = {};
        for (const file of readdirSync(join(dir, 'database')).filter((f) => f.endsWith('.json'))) {
          database[file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, 'database', file), 'utf8')) as unknown[];
        }
        const storagePath = join(dir, 'storage.json');
        const storage = existsSync(storagePath) ? (JSON.parse(readFileSync(storagePath, 'utf8')) as unknown) : {};
        await post(origin, '/__/admin/import', { database, storage });
        console.log(`imported ${Object.keys(database).length} collections from ${dir}`);
        return;
      }
      default:
        throw new Error('usage: state seed | reset | export DIR | import DIR');
    }
  }, { functions: command === 'seed' });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
