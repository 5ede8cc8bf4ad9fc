/**
 * Builds each cloud function with esbuild into the bundle that would be deployed:
 * dist/cloudfunctions/<name>/{index.js, package.json, config.json}. The CloudBase SDKs stay
 * external (SCF installs them from package.json, as `tcb fn deploy` does).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TimerTrigger } from './timers';

export const ROOT = join(__dirname, '..', '..');
export const FUNCTIONS_SRC = join(ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(ROOT, 'dist', 'cloudfunctions');

// Installed by the cloud from the bundle's package.json rather than bundled (large, or loaded lazily).
const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk', 'exceljs'];

/** Function folders: every folder of cloudfunctions/ with an index.ts, except `_shared`. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .filter((entry) => existsSync(join(FUNCTIONS_SRC, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

export interface BuiltFunction {
  name: string;
  bundle: string;
  bytes: number;
  timeoutSeconds: number;
  /** config.json `permissions.openapi`: the WeChat open APIs the function may call (the emulator refuses others, -604101); absent: not checked. */
  openapi?: string[];
  /** Timer triggers from config.json, which the emulator runs as CloudBase does. */
  triggers: TimerTrigger[];
}

function rootDependencyVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const deps: Record<string, string> = {};
  for (const name of EXTERNAL) {
    const version = pkg.dependencies?.[name];
    if (version) deps[name] = version;
  }
  return deps;
}

/** SCF's default execution time-out when config.json gives none. */
const DEFAULT_TIMEOUT_SECONDS = 3;

export async function buildFunctions(outDir: string = FUNCTIONS_OUT): Promise<BuiltFunction[]> {
  const names = functionNames();
  const dependencies = rootDependencyVersions();
  return Promise.all(
    names.map(async (name) => {
      const dir = join(outDir, name);
      mkdirSync(dir, { recursive: true });
      const bundle = join(dir, 'index.js');
      const configPath = join(FUNCTIONS_SRC, name, 'config.json');
      const config = existsSync(configPath)
        ? (JSON.parse(readFileSync(configPath, 'utf8')) as { timeout?: number; triggers?: TimerTrigger[]; permissions?: { openapi?: string[] } })
        : {};
      const openapi = config.permissions?.openapi ?? [];
      const result = await build({
        // The function's own time-out, for deadlines inside it (CloudBase tells a function nothing),
        // and the open APIs it declares, which `npm run cloud:smoke` tries.
        define: { TONGXIN_CONFIGURED_TIMEOUT_SECONDS: String(config.timeout ?? DEFAULT_TIMEOUT_SECONDS), TONGXIN_OPENAPI_PERMISSIONS: JSON.stringify(openapi) },
        entryPoints: [join(FUNCTIONS_SRC, name, 'index.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: EXTERNAL,
        // No source map: Node in SCF would not read one (no --enable-source-maps), and an inline
        // map tripled every upload (2.1 MB → 0.6 MB). The bundle is not minified, so a stack
        // trace in the function's log still reads as code.
        sourcemap: false,
        metafile: true,
        logLevel: 'silent',
      });
      writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', main: 'index.js', dependencies }, null, 2),
      );
      const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
      return { name, bundle, bytes, timeoutSeconds: config.timeout ?? DEFAULT_TIMEOUT_SECONDS, openapi, triggers: (config.triggers ?? []).filter((t) => t.type === 'timer') };
    }),
  );
}
