/**
 * `npm run test:boundaries [-- <jest arguments>]`: the date-sensitive layers (unit, functions,
 * miniprogram) at China-time boundary instants, each in another process time zone, one Jest
 * run per instant (see clock.ts). CI runs it after `npm test`. Exit status: the first failure's.
 *
 * The instants start just before a boundary, so each run crosses it while it runs.
 */
import { runAt } from './clock';

export const BOUNDARIES: ReadonlyArray<{ at: string; tz: string; why: string }> = [
  { at: '2026-12-31T23:58:30+08:00', tz: 'America/New_York', why: "the last minutes of a year (and a quarter) in China, New York still on the year's last morning" },
  { at: '2027-04-01T00:00:30+08:00', tz: 'UTC', why: "the first minute of a quarter in China, still the previous day and quarter in UTC" },
  { at: '2028-02-29T23:59:00+08:00', tz: 'Asia/Shanghai', why: 'the end of a leap day' },
];

export const DATE_SENSITIVE_LAYERS = ['unit', 'functions', 'miniprogram'];

function main(): number {
  const extra = process.argv.slice(2);
  let status = 0;
  for (const boundary of BOUNDARIES) {
    console.log(`\n== ${boundary.at} in TZ=${boundary.tz}: ${boundary.why}`);
    const code = runAt(new Date(boundary.at), 'npx', ['jest', '--selectProjects', ...DATE_SENSITIVE_LAYERS, ...extra], { ...process.env, TZ: boundary.tz });
    console.log(`== ${boundary.at} (${boundary.tz}): ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
    if (code !== 0 && status === 0) status = code;
  }
  return status;
}

process.exit(main());
