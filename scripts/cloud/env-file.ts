/**
 * The root `.env` file: KEY=VALUE lines that configure deployment. The tcb CLI reads the same
 * file (and lets the real environment win), so one file serves `npm run deploy`,
 * `npm run cloud:setup` and the `{{env.X}}` placeholders of cloudbaserc.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib';

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** Parses KEY=VALUE lines; blank lines and `#` comments are skipped, one pair of quotes is removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, ''); // an unquoted value may carry a trailing comment
    values[match[1]] = value;
  }
  return values;
}

/**
 * Where the file is read from: TONGXIN_ENV_FILE when set (empty means "no file", which the
 * tests use so a developer's real `.env` is never read), else `<repo>/.env`.
 */
export function envFilePath(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.TONGXIN_ENV_FILE;
  if (configured === undefined) return join(ROOT, '.env');
  return configured === '' ? null : configured;
}

/** The environment the scripts see: the `.env` file overlaid by the real environment (which wins, as in tcb). */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const file = envFilePath(env);
  const fromFile = file && existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const merged: Record<string, string> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}
