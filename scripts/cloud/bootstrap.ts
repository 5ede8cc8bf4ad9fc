/**
 * `npm run cloud:bootstrap -- --file company.json [--dry-run] [--emulator <url>]` (issue #8):
 * the first committee admin and branch secretaries of a new environment. The command lives
 * in bootstrap-run.ts (importable by tests); this file only runs it.
 */
import { main } from './bootstrap-run';
import { loadEnv } from './env-file';

// The same variables, from the shell or the root .env, as deploy and set-up.
void main(process.argv.slice(2), loadEnv()).then((code) => {
  process.exitCode = code;
});
