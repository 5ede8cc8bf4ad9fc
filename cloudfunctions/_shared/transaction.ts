/**
 * Runs work in a database transaction, retrying when another transaction touched the same
 * documents (DATABASE_TRANSACTION_CONFLICT), with a short random back-off. The SDK's own
 * runTransaction retries 3 times without waiting, which a burst on one member's totals exhausts.
 */
import type { Database, Transaction } from './cloud';

const RETRYABLE = new Set(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_TRANSACTION_FAIL']);

/** The function's config.json time-out, put into its bundle at build time (undefined when run unbundled). */
declare const TONGXIN_CONFIGURED_TIMEOUT_SECONDS: number | undefined;

/**
 * Gives up at 80% of the function's time-out, so a caller gets a clean error (CONFLICT) rather
 * than an instance killed mid-retry. Only a burst of writes to one member's totals (hundreds at
 * once) comes near it. The time-out in force: the local host's (TONGXIN_FUNCTION_TIMEOUT_MS,
 * longer in tests on a loaded machine), else the one config.json gives the function (put into
 * the bundle: CloudBase tells a function nothing), else 10 s.
 */
export function deadlineMs(): number {
  const hosted = Number(process.env.TONGXIN_FUNCTION_TIMEOUT_MS);
  if (Number.isFinite(hosted) && hosted > 0) return hosted * 0.8;
  const configured = typeof TONGXIN_CONFIGURED_TIMEOUT_SECONDS === 'number' ? TONGXIN_CONFIGURED_TIMEOUT_SECONDS : 10;
  return configured * 1000 * 0.8;
}

export async function inTransaction<T>(db: Database, work: (t: Transaction) => Promise<T>): Promise<T> {
  const started = Date.now();
  const deadline = deadlineMs();
  for (let attempt = 1; ; attempt++) {
    const t = await db.startTransaction();
    try {
      const result = await work(t);
      await t.commit();
      return result;
    } catch (error) {
      if (!t.aborted && !t.commited) await t.rollback(undefined).catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      if (!RETRYABLE.has(code) || Date.now() - started > deadline) throw error;
      // Full jitter, capped: contenders spread out instead of colliding again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** Math.min(attempt, 5)));
    }
  }
}
