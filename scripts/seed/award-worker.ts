/** The demo points' worker thread (points.ts): makes the planned awards through the engine over the emulator's admin API. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { adminApp } from './load';
import { awardPlans, type MemberPlan } from './award-plans';

const { adminUrl, plans } = workerData as { adminUrl: string; plans: MemberPlan[] };
awardPlans(adminApp(adminUrl).database() as unknown as Database, plans).then(
  (count) => parentPort?.postMessage({ count }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
);
