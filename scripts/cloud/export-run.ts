/**
 * The command behind `npm run cloud:export -- <dir> [--emulator <url>]` (entry: export.ts): a
 * backup of every declared collection as JSON Lines the CloudBase console's 导入 accepts, plus
 * a manifest of counts. Storage files are not copied: the documents' fileIDs keep pointing at
 * them in the environment's storage.
 *
 * Target: as cloud:bootstrap (bootstrap-run.ts) — TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY, or a local emulator with `--emulator <url>` / TONGXIN_ADMIN_URL.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { COLLECTIONS } from '../../shared/db/collections';
import { UsageError, connect, describeTarget, resolveTarget, type Target } from './database-target';

export const USAGE = `Usage: npm run cloud:export -- <dir> [--emulator <url>]

  <dir>              where to write <collection>.json (JSON Lines) and manifest.json;
                     created, and refused when it exists and is not empty
  --emulator <url>   a local emulator (origin such as http://127.0.0.1:9100, or its /admin URL);
                     TONGXIN_ADMIN_URL does the same
Production (no --emulator): TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
(TENCENTCLOUD_SESSIONTOKEN with temporary keys; TONGXIN_REGION when not ap-shanghai).`;

export interface ExportArgs {
  dir: string | null;
  emulator: string | null;
  help: boolean;
}

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args: ExportArgs = { dir: null, emulator: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--emulator' || arg.startsWith('--emulator=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || (!arg.includes('=') && value.startsWith('--'))) throw new UsageError(`--emulator needs a value\n\n${USAGE}`);
      args.emulator = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown argument: ${arg}\n\n${USAGE}`);
    else if (args.dir === null) args.dir = arg;
    else throw new UsageError(`only one <dir> may be given (got "${args.dir}" and "${arg}")\n\n${USAGE}`);
  }
  return args;
}

/** The console's import format: Dates as {"$date": ISO}, at any depth. */
export function toExtendedJson(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(toExtendedJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toExtendedJson(inner);
    return out;
  }
  return value;
}

export interface Manifest {
  envId: string;
  exportedAt: string;
  collections: Record<string, number>;
  notes?: Record<string, string>;
}

const PAGE = 1000; // CloudBase's most per query

/** Every document of a collection, or null when the collection does not exist. */
async function readAll(db: Database, name: string): Promise<unknown[] | null> {
  const rows: unknown[] = [];
  for (let skip = 0; ; skip += PAGE) {
    let data: unknown[];
    try {
      ({ data } = (await db.collection(name).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()) as { data: unknown[] });
    } catch (error) {
      if ((error as { code?: unknown })?.code === 'DATABASE_COLLECTION_NOT_EXIST') return null;
      throw error;
    }
    rows.push(...data);
    if (data.length < PAGE) return rows;
  }
}

/** Refuses a non-empty directory so an older backup is never mixed with or overwritten by a newer one. */
function prepareDir(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a directory`);
    if (readdirSync(dir).length > 0) throw new UsageError(`${dir} exists and is not empty: choose a new or empty directory`);
  }
  mkdirSync(dir, { recursive: true });
}

export async function runExport(options: {
  db: Database;
  dir: string;
  envId: string;
  collections?: readonly string[];
  now?: Date;
  log?: (line: string) => void;
}): Promise<Manifest> {
  const log = options.log ?? (() => undefined);
  prepareDir(options.dir);
  const manifest: Manifest = { envId: options.envId, exportedAt: (options.now ?? new Date()).toISOString(), collections: {} };
  const notes: Record<string, string> = {};
  for (const name of options.collections ?? Object.values(COLLECTIONS)) {
    const rows = await readAll(options.db, name);
    const lines = (rows ?? []).map((row) => JSON.stringify(toExtendedJson(row)));
    // An empty file still marks the collection as exported (the console imports nothing from it).
    writeFileSync(join(options.dir, `${name}.json`), lines.length ? `${lines.join('\n')}\n` : '');
    manifest.collections[name] = lines.length;
    if (rows === null) notes[name] = 'collection does not exist in the environment';
    log(`  ${name}: ${lines.length}${rows === null ? ' (collection does not exist)' : ''}`);
  }
  if (Object.keys(notes).length) manifest.notes = notes;
  writeFileSync(join(options.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The command: returns the exit code; `log` prints a line. */
export async function main(argv: readonly string[], env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): Promise<number> {
  try {
    const args = parseExportArgs(argv);
    if (args.help) {
      log(USAGE);
      return 0;
    }
    if (!args.dir) throw new UsageError(`<dir> is required\n\n${USAGE}`);
    const dir = resolve(args.dir);
    const target: Target = resolveTarget({ emulator: args.emulator }, env);
    // Checked before connecting so a wrong directory costs no database reads.
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) prepareDir(dir);
    log(`cloud:export: ${describeTarget(target)} → ${dir}`);
    const manifest = await runExport({ db: connect(target), dir, envId: target.kind === 'emulator' ? 'emulator' : target.envId, log });
    const total = Object.values(manifest.collections).reduce((sum, n) => sum + n, 0);
    log(`Total: ${total} document(s) in ${Object.keys(manifest.collections).length} collection(s); manifest.json written.`);
    log('Storage files are not exported: they stay in the environment\'s storage, and the fileIDs in the documents point at them.');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      log(error.message);
      return 1;
    }
    const code = (error as { code?: unknown })?.code;
    log(`cloud:export failed${code ? ` (${String(code)})` : ''}: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}
