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

/**
 * Files of those layers left out at the boundaries, to keep CI near 10 minutes: none reads the
 * calendar for what it checks (they drive the deploy and export tools, or check the policy
 * table and the engine's concurrency on a stopped clock that no boundary can split), and
 * `npm test` runs them all.
 */
export const NOT_CALENDAR: Readonly<Record<string, string>> = {
  'tests/functions/authority.test.ts': 'who may call what (1,166 cases on a stopped clock)',
  'tests/functions/points.test.ts': 'the engine under 200 parallel awards and a restart (on a stopped clock)',
  'tests/functions/cloud-target.test.ts': 'npm run test:cloud against a stand-in',
  'tests/functions/cloud-dry-run.test.ts': "the deploy and set-up scripts' dry runs",
  'tests/functions/bundles.test.ts': 'the deployable bundles outside the repository',
  'tests/functions/cloud-export.test.ts': 'the backup command',
  'tests/functions/bootstrap.test.ts': 'the bootstrap command',
  'tests/functions/throttle.test.ts': 'the throttle budgets, on a stopped clock',
  'tests/functions/content-checks.test.ts': 'the content table (checked before any handler reads a date)',
  'tests/functions/deep-json.test.ts': 'nested JSON refused before any handler runs',
  'tests/functions/cloud-smoke.test.ts': "the open-API smoke command (permissions, not dates)",
};

function main(): number {
  const extra = process.argv.slice(2);
  console.log(`Left out at the boundaries (npm test runs them): ${Object.keys(NOT_CALENDAR).join(', ')}`);
  let status = 0;
  for (const boundary of BOUNDARIES) {
    console.log(`\n== ${boundary.at} in TZ=${boundary.tz}: ${boundary.why}`);
    const ignore = ['/node_modules/', ...Object.keys(NOT_CALENDAR).map((f) => f.replace(/\./g, '\\.'))].join('|');
    const args = ['jest', '--selectProjects', ...DATE_SENSITIVE_LAYERS, `--testPathIgnorePatterns=${ignore}`, ...extra];
    const code = runAt(new Date(boundary.at), 'npx', args, { ...process.env, TZ: boundary.tz });
    console.log(`== ${boundary.at} (${boundary.tz}): ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
    if (code !== 0 && status === 0) status = code;
  }
  return status;
}

process.exit(main());
