/**
 * Running Jest at a chosen instant. Debian's faketime (libfaketime, preloaded) moves the
 * wall clock of every process of the run — Jest, its workers, the function instances (worker
 * threads), and the scripts tests spawn — so that it reads the instant at the start and runs
 * on from there. The monotonic clock is left alone (timers keep real durations), and the
 * process time zone is left as it is, so TZ composes with it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TEST_NOW_VARIABLE = 'TONGXIN_TEST_NOW';
const FAKETIME = '/usr/bin/faketime';

/** The instant from an ISO text with an explicit offset or Z (a bare local time would depend on TZ). */
export function parseInstant(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new Error(`${TEST_NOW_VARIABLE} must be an ISO instant with its offset, e.g. 2027-03-31T23:58:00+08:00 (got ${text})`);
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new Error(`${TEST_NOW_VARIABLE}: ${text} is not a date`);
  return at;
}

/**
 * faketime's relative form ("+123456s"): independent of the time zone, unlike its absolute
 * form, which libfaketime reads in the process's local time.
 */
export function faketimeOffset(at: Date, now = Date.now()): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  return `${seconds >= 0 ? '+' : '-'}${Math.abs(seconds)}s`;
}

/** Runs `command args` (at `at` when given); returns its exit status. */
export function runAt(at: Date | null, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  if (!at) return spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
  if (!existsSync(FAKETIME)) {
    console.error(`Running the tests at ${at.toISOString()} needs Debian's faketime: apt-get install -y faketime`);
    return 2;
  }
  const run = spawnSync(FAKETIME, ['-m', '--exclude-monotonic', '-f', faketimeOffset(at), command, ...args], { stdio: 'inherit', env });
  return run.status ?? 1;
}
