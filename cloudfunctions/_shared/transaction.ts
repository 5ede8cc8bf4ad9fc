/**
 * Runs work in a database transaction, retrying when another transaction touched the same
 * documents (DATABASE_TRANSACTION_CONFLICT), with a short random back-off. The SDK's own
 * runTransaction retries 3 times without waiting, which a burst on one member's totals exhausts.
 */
import type { Database, Transaction } from './cloud';

const RETRYABLE = new Set(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_TRANSACTION_FAIL']);

/**
 * Gives up at 80% of the function's time-out, so a caller gets a clean error rather than a
 * killed instance. Only a burst of writes to one member's totals (hundreds at once) comes near
 * it. The local host says which time-out is in force (TONGXIN_FUNCTION_TIMEOUT_MS: tests run
 * with longer ones on a loaded machine); CloudBase does not, and 25 s holds (inside the 30 s
 * of the functions that write points, config.json).
 */
function deadlineMs(): number {
  const timeout = Number(process.env.TONGXIN_FUNCTION_TIMEOUT_MS);
  return Number.isFinite(timeout) && timeout > 0 ? timeout * 0.8 : 25_000;
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
