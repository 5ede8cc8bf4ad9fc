/**
 * Runs work in a database transaction, retrying when another transaction touched the same
 * documents (DATABASE_TRANSACTION_CONFLICT), with a short random back-off. The SDK's own
 * runTransaction retries 3 times without waiting, which a burst on one member's totals exhausts.
 */
import type { Database, Transaction } from './cloud';

const RETRYABLE = new Set(['DATABASE_TRANSACTION_CONFLICT', 'DATABASE_TRANSACTION_FAIL']);

export async function inTransaction<T>(db: Database, work: (t: Transaction) => Promise<T>, attempts = 25): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const t = await db.startTransaction();
    try {
      const result = await work(t);
      await t.commit();
      return result;
    } catch (error) {
      if (!t.aborted && !t.commited) await t.rollback(undefined).catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
    }
  }
}
