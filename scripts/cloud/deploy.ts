/**
 * `npm run deploy [-- --dry-run] [--only org,points] [--skip-build]`: builds the function
 * bundles (after checking the key reaches the environment), deploys each function of cloudbaserc.json with the pinned tcb CLI (timer triggers
 * and environment variables included), then reads every function back to confirm it.
 * Target and key: TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY
 * (+ TENCENTCLOUD_SESSIONTOKEN, TONGXIN_REGION), from the environment or the root .env.
 * `--dry-run` prints the plan and runs nothing; it needs no credentials.
 */
import { miniProgramVersion } from '../../cloudfunctions/_shared/miniprogram-version';
import { parseArgs } from './args';
import { credentialEnv, describeTarget, readTarget, requireTarget } from './credentials';
import { deployPlan, formatDeployPlan, parseOnly, placeholdersOf } from './deploy-plan';
import { loadEnv } from './env-file';
import { errorLine } from './error-text';
import { managerApp, managerFunctionReader, reachEnvironment } from './manager';
import { readRc } from './rc';
import { runSteps, spawnCommand } from './run-steps';
import { verifyFunctions } from './verify-functions';
import { SUBSCRIBE_TEMPLATES } from '../../shared/domain/study';
import { keysVariable, templateKeys } from '../../shared/domain/subscribe-templates';

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { flags: ['dry-run', 'skip-build'], values: ['only'] });
  const dryRun = args.flags.has('dry-run');
  const env = loadEnv();
  const reading = readTarget(env);
  // A real run fails before printing anything when the target is incomplete.
  const target = dryRun ? reading.target : requireTarget(env);

  const only = args.values.get('only');
  const steps = deployPlan(
    {
      envId: target?.envId ?? (env.TONGXIN_ENV_ID?.trim() || '<TONGXIN_ENV_ID>'),
      region: env.TONGXIN_REGION?.trim() || undefined,
      only: only === undefined ? undefined : parseOnly(only),
      skipBuild: args.flags.has('skip-build'),
    },
    readRc(),
  );
  const header = [
    target ? `Deploy plan for ${describeTarget(target)}` : `Deploy plan (dry run without ${reading.missing.join(', ')})`,
    'tcb reads the key from TENCENTCLOUD_* in its environment; a session stored by `tcb login` takes precedence (run `tcb logout` if it is another account).',
  ];
  console.log(formatDeployPlan(steps, header));
  // Checked here, not first in a function at its first code: a wrong value stops the deploy.
  const version = miniProgramVersion(env.TONGXIN_MINIPROGRAM_VERSION);
  console.log(`\nmini-program codes and messages open the ${version} version (TONGXIN_MINIPROGRAM_VERSION)`);
  // An unset version means release; an unset template id means no messages.
  // A key mapping that WeChat would refuse (47003) stops the deploy here, naming the variable.
  for (const template of SUBSCRIBE_TEMPLATES) templateKeys(template, env[keysVariable(template)]);
  const unset = placeholdersOf(steps).filter((name) => name.startsWith('TONGXIN_TPL_') && !name.endsWith('_KEYS') && !env[name]?.trim());
  if (unset.length > 0) {
    console.warn(`\nwarning: ${unset.join(', ')} unset: the functions get empty values (subscribe messages fall back to local-* template ids and fail in WeChat)`);
  }
  if (dryRun || !target) {
    console.log('\ndry run: nothing was run');
    return;
  }

  const childEnv = { ...env, ...credentialEnv(target) };
  const app = managerApp(target);
  const reader = managerFunctionReader(app);
  await runSteps(steps, {
    preflight: () => reachEnvironment(app),
    command: (step) => spawnCommand(step, childEnv),
    verify: (step) => verifyFunctions(reader, step.functions),
  });
  console.log(`\ndeployed to ${target.envId}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(errorLine(error));
  process.exit(1);
});
