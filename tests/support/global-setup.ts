/** Jest globalSetup: one build of the function bundles and one seeded snapshot for the whole run (see test-run.ts). */
import { prepareTestRun, TEST_RUN_VARIABLE } from './test-run';

export default async function globalSetup(): Promise<void> {
  // Workers are started after this and inherit the variable.
  process.env[TEST_RUN_VARIABLE] = await prepareTestRun();
}
