/**
 * `npm run cloud:export -- <dir> [--emulator <url>]`: a JSON Lines backup of every collection.
 * The command lives in export-run.ts (importable by tests); this file only runs it.
 */
import { main } from './export-run';
import { loadEnv } from './env-file';

// The same variables, from the shell or the root .env, as deploy, set-up and bootstrap.
void main(process.argv.slice(2), loadEnv()).then((code) => {
  process.exitCode = code;
});
