/**
 * `npm run cloud:setup [-- --dry-run]`: creates in a CloudBase environment the collections
 * and indexes of shared/db/collections.ts and sets the permission policy (collections
 * ADMINONLY, storage PRIVATE), skipping whatever is already right, so it can run again.
 * With the target set (TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, from
 * the environment or the root .env), `--dry-run` reads the environment and prints the
 * changes without making them; without it, it plans against an empty environment.
 * An index that exists under a declared name with other keys stops the run (exit 1).
 */
import { parseArgs } from './args';
import type { CloudAdmin } from './cloud-admin';
import { describeTarget, readTarget, requireTarget } from './credentials';
import { loadEnv } from './env-file';
import { errorLine } from './error-text';
import { managerAdmin, managerApp } from './manager';
import { ACL_POLICY, desiredState, emptyState, formatSetupPlan, setupPlan, type ExistingState } from './setup-plan';
import { applyPlan, readState, SetupConflictError } from './setup-runner';

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { flags: ['dry-run'], values: [] });
  const dryRun = args.flags.has('dry-run');
  const env = loadEnv();
  const reading = readTarget(env);
  const target = dryRun ? reading.target : requireTarget(env);
  const desired = desiredState();

  let admin: CloudAdmin | null = null;
  let existing: ExistingState;
  if (target) {
    console.log(`Cloud set-up for ${describeTarget(target)}: reading the environment...`);
    admin = managerAdmin(managerApp(target), target.envId);
    existing = await readState(admin, desired);
  } else {
    console.log(`Cloud set-up plan (dry run without ${reading.missing.join(', ')}): planned against an empty environment`);
    existing = emptyState();
  }
  console.log(`policy: every collection ${ACL_POLICY.database} (functions only), storage ${ACL_POLICY.storage} (the uploader writes, functions read)`);

  const plan = setupPlan(desired, existing);
  console.log(formatSetupPlan(plan));
  if (plan.conflicts.length > 0) throw new SetupConflictError(plan.conflicts.length);
  if (dryRun || !admin) {
    console.log('dry run: nothing was changed');
    return;
  }
  if (plan.actions.length === 0) return;
  console.log('applying:');
  const applied = await applyPlan(admin, plan);
  console.log(`done: ${applied} change(s) applied`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(errorLine(error));
  process.exit(1);
});
