/**
 * `npm run test:cloud [-- <test files>]`: the emulator and functions suites against a real
 * CloudBase environment. Database and storage are that environment's; the functions run
 * here in the emulator's host with the same bundles (a deployed function cannot be called
 * as a chosen WeChat user). Every declared collection of that environment is emptied, so
 * it must be a test environment, never production.
 *
 * With its id or key missing it runs nothing, says so, and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { CLOUD_TEST_VARIABLES, EMULATOR_ONLY, missingCloudVariables } from '../tests/support/target';

function main(): number {
  const missing = missingCloudVariables();
  if (missing.length) {
    console.log(`test:cloud did nothing: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`);
    console.log(`Set ${CLOUD_TEST_VARIABLES.join(', ')} (a CloudBase test environment and an API key) to run the`);
    console.log('emulator and functions suites against it. See DEPLOY.md, "Contract tests against CloudBase".');
    return 0;
  }
  const envId = process.env.TONGXIN_CLOUD_TEST_ENV_ID as string;
  if (process.env.TONGXIN_ENV_ID && process.env.TONGXIN_ENV_ID === envId) {
    console.error(`test:cloud refuses ${envId}: it is TONGXIN_ENV_ID, the environment you deploy to, and the tests empty its collections.`);
    return 2;
  }
  console.log(`test:cloud: the emulator and functions suites against CloudBase environment ${envId}${process.env.TONGXIN_CLOUD_SERVICE_URL ? ` (stand-in at ${process.env.TONGXIN_CLOUD_SERVICE_URL})` : ''}.`);
  console.log('Not run there:');
  for (const [file, why] of Object.entries(EMULATOR_ONLY)) console.log(`  ${file}: ${why}`);
  const files = process.argv.slice(2);
  const args = [
    'jest',
    ...files, // before --selectProjects, which would take them for project names
    '--selectProjects', 'emulator', 'functions',
    // One environment holds the data: test files take turns, each starting from empty collections.
    '--runInBand',
    '--testTimeout', '120000',
    `--testPathIgnorePatterns=${['/node_modules/', ...Object.keys(EMULATOR_ONLY).map((f) => f.replace(/\./g, '\\.'))].join('|')}`,
  ];
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, TONGXIN_TEST_TARGET: 'cloud' } });
  return run.status ?? 1;
}

process.exit(main());
