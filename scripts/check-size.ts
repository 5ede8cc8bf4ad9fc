/**
 * Size budget of the weapp build (DESIGN §9): the main package (everything not under a
 * subpackage root in app.json) ≤ 1 MB, each subpackage ≤ 1 MB (WeChat's hard limit is 2 MB).
 * Usage: npm run check:size [-- <dir>]   (default miniprogram/dist/weapp). Exits 1 over budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

function main(): void {
  const distDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'miniprogram', 'dist', 'weapp'));
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
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
