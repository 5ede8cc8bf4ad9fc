/**
 * Size budgets (DESIGN §9, issue #8): the weapp main package (everything not under a
 * subpackage root in app.json) and each subpackage ≤ 1 MB (WeChat's hard limit is 2 MB); the
 * H5 bundle and every function bundle are printed; and any of them growing more than 10% over
 * the committed baseline (`budgets/size-baseline.json`) fails, so growth is a decision.
 * Usage: npm run check:size [-- --update]   (after build:weapp, build:functions and, for H5, build:h5).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const BUDGET_BYTES = 1024 * 1024;

export interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  files: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Source maps are not uploaded; everything else counts (conservative). */
function uploaded(rel: string): boolean {
  return !rel.endsWith('.map');
}

export function measure(distDir: string): PackageSize[] {
  const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/^\/+|\/+$/g, ''));
  const main: PackageSize = { name: 'main', root: '', bytes: 0, files: 0 };
  const subs: PackageSize[] = roots.map((root) => ({ name: root, root, bytes: 0, files: 0 }));
  for (const file of walk(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/');
    if (!uploaded(rel)) continue;
    const size = statSync(file).size;
    const sub = subs.find((s) => rel === s.root || rel.startsWith(`${s.root}/`));
    const target = sub ?? main;
    target.bytes += size;
    target.files += 1;
  }
  return [main, ...subs];
}

export const TOLERANCE = 0.1;
const ROOT = path.join(__dirname, '..');
export const BASELINE_FILE = path.join(ROOT, 'budgets', 'size-baseline.json');

/** Sizes by name: `weapp:main`, `weapp:subpackages/study`, `h5`, `function:lesson` … (bytes). */
export type Sizes = Record<string, number>;

/** The H5 bundle: its JavaScript and CSS (no source maps). */
export function measureH5(distDir: string): number {
  return walk(distDir)
    .filter((f) => /\.(js|css)$/.test(f))
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Each built function's deployed bundle (index.js). */
export function measureFunctions(distDir: string): Sizes {
  const sizes: Sizes = {};
  for (const entry of readdirSync(distDir, { withFileTypes: true })) {
    const bundle = path.join(distDir, entry.name, 'index.js');
    if (entry.isDirectory() && existsSync(bundle)) sizes[`function:${entry.name}`] = statSync(bundle).size;
  }
  return sizes;
}

/** What grew more than the tolerance over the baseline, and what has no baseline yet. */
export function regressions(current: Sizes, baseline: Sizes, tolerance = TOLERANCE): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(current)) {
    const base = baseline[name];
    if (base === undefined) problems.push(`${name}: no baseline (run npm run check:size -- --update and commit it)`);
    else if (bytes > base * (1 + tolerance)) problems.push(`${name}: ${(bytes / 1024).toFixed(1)} KB is ${(((bytes - base) / base) * 100).toFixed(1)}% over the baseline ${(base / 1024).toFixed(1)} KB`);
  }
  return problems;
}

function main(): void {
  const update = process.argv.includes('--update');
  const distDir = path.join(ROOT, 'miniprogram', 'dist', 'weapp');
  if (!existsSync(path.join(distDir, 'app.json'))) {
    console.error(`No weapp build at ${distDir}: run npm run build:weapp first.`);
    process.exit(1);
  }
  const sizes = measure(distDir);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const rows = sizes.map((s) => [s.name, String(s.files), kb(s.bytes), kb(BUDGET_BYTES), s.bytes <= BUDGET_BYTES ? 'ok' : 'OVER']);
  const header = ['package', 'files', 'KB', 'budget KB', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const total = sizes.reduce((a, s) => a + s.bytes, 0);
  console.log(`total ${kb(total)} KB`);
  const over = sizes.filter((s) => s.bytes > BUDGET_BYTES);
  if (over.length) {
    console.error(`Over the 1 MB budget: ${over.map((s) => s.name).join(', ')}`);
    process.exit(1);
  }

  const current: Sizes = Object.fromEntries(sizes.map((s) => [`weapp:${s.name}`, s.bytes]));
  const h5Dir = path.join(ROOT, 'miniprogram', 'dist', 'h5');
  if (existsSync(path.join(h5Dir, 'index.html'))) {
    current.h5 = measureH5(h5Dir);
    console.log(`H5 bundle: ${kb(current.h5)} KB (JS and CSS)`);
  } else console.log('H5 bundle: not built (npm run build:h5), not checked');
  const functionsDir = path.join(ROOT, 'dist', 'cloudfunctions');
  if (existsSync(functionsDir)) {
    const fns = measureFunctions(functionsDir);
    Object.assign(current, fns);
    console.log(`function bundles: ${Object.entries(fns).map(([n, b]) => `${n.slice('function:'.length)} ${kb(b)} KB`).join(', ')}`);
  } else console.log('function bundles: not built (npm run build:functions), not checked');

  if (update) {
    const previous: Sizes = existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Sizes) : {};
    mkdirSync(path.dirname(BASELINE_FILE), { recursive: true });
    const next = Object.fromEntries(Object.entries({ ...previous, ...current }).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(BASELINE_FILE, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`baseline written: ${path.relative(ROOT, BASELINE_FILE)}`);
    return;
  }
  const baseline: Sizes = existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Sizes) : {};
  const problems = regressions(current, baseline);
  if (problems.length) {
    console.error(`Size regressions against ${path.relative(ROOT, BASELINE_FILE)} (more than ${TOLERANCE * 100}%):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`within ${TOLERANCE * 100}% of the committed baseline (${Object.keys(current).length} figures)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
