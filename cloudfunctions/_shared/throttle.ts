/**
 * The meter behind the throttle table (shared/api/throttle.ts). One document per caller, action
 * and window (`rate_meters`), counted with an atomic increment, so every instance of a function
 * sees the same count; the first call of a window creates it (a duplicate create means another
 * instance won the race, and this call counts on theirs) and drops the caller's older windows.
 * A call past the budget answers RATE_LIMITED having written only its count.
 */
import { BUDGETS } from '../../shared/api/throttle';
import type { ActionName } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import type { Database } from './cloud';
import { idFor } from './repo';

interface MeterDoc {
  key: string;
  window: number;
  count: number;
}

/**
 * The local emulator's test stack multiplies the budgets (TONGXIN_THROTTLE_SCALE); the knob only
 * works where the WeChat fakes are, so a deployed function always runs the table's own.
 */
function scale(): number {
  const value = Number(process.env.TONGXIN_THROTTLE_SCALE);
  return process.env.TONGXIN_WECHAT_FAKE_URL && Number.isFinite(value) && value >= 1 ? value : 1;
}

/** Counts this call against the caller's budget for the action; throws RATE_LIMITED past it. */
export async function requireWithinBudget(db: Database, openid: string, action: ActionName, nowMs: number): Promise<void> {
  const budget = BUDGETS[action];
  if (!budget) return;
  const calls = budget.calls * scale();
  const windowMs = budget.seconds * 1000;
  const window = Math.floor(nowMs / windowMs);
  const key = `${openid}\n${action}`;
  const id = idFor('rm', key, String(window));
  const meters = db.collection(COLLECTIONS.rateMeters);
  const _ = db.command;
  const increment = async (): Promise<number | null> => {
    const { doc } = (await meters.where({ _id: id }).updateAndReturn({ count: _.inc(1) })) as { doc: MeterDoc | null };
    return doc ? doc.count : null;
  };
  let count = await increment();
  if (count === null) {
    try {
      await meters.add({ _id: id, key, window, count: 1 } as MeterDoc & { _id: string });
      count = 1;
      // The caller's earlier windows are spent: one meter per caller and action stays.
      await meters.where({ key, window: _.lt(window) }).remove();
    } catch {
      count = (await increment()) ?? 1;
    }
  }
  if (count > calls) {
    const wait = Math.max(1, Math.ceil(((window + 1) * windowMs - nowMs) / 1000));
    throw new AppError('RATE_LIMITED', `操作太频繁，请 ${wait} 秒后再试`);
  }
}
