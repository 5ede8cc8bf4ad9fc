/**
 * `npm test`'s Jest step, and `npm run test:at -- <instant> [jest arguments]`: plain Jest, or,
 * with TONGXIN_TEST_NOW (or the first argument) an ISO instant, the same Jest with every
 * process's clock starting at that instant (see clock.ts). For example
 *   TONGXIN_TEST_NOW=2027-03-31T23:58:00+08:00 TZ=America/New_York npm test
 */
import { parseInstant, runAt, TEST_NOW_VARIABLE } from './clock';

function main(): number {
  const args = process.argv.slice(2);
  const first = args[0];
  const fromArgument = first !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(first) ? args.shift() : undefined;
  const text = fromArgument ?? process.env[TEST_NOW_VARIABLE];
  const at = text ? parseInstant(text) : null;
  if (at) console.log(`Jest at ${at.toISOString()} (${text}), process time zone ${process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone}`);
  return runAt(at, 'npx', ['jest', ...args]);
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
