/**
 * The CloudBase handle. In production SCF injects TCB_ENV and credentials; locally the
 * emulator's function host injects the same variables (and TCB_CONTEXT_CNFG with its URL),
 * so this code does not know which one it runs on.
 */
import tcb from '@cloudbase/node-sdk';
import type { Database as DbTypes } from '@cloudbase/node-sdk/types/db';

type App = ReturnType<typeof tcb.init>;
let app: App | null = null;

export function cloud(): App {
  if (!app) app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/** node-sdk's own database typings (its index.d.ts re-exports a looser `Db`). */
export type Database = DbTypes.Db;
export type Transaction = DbTypes.Transaction;

export function database(): Database {
  return cloud().database() as unknown as Database;
}

/** The caller's WeChat identity, read from what the platform injected — never from the event. */
export function callerOpenid(): string | null {
  const { openId } = cloud().auth().getUserInfo();
  return openId ? String(openId) : null;
}

/**
 * The time of a call. Only the local emulator's test clock sets TONGXIN_CLOCK_OFFSET_MS (a
 * running clock moved) or TONGXIN_CLOCK_FROZEN_MS (a stopped one), so tests can run "at 23:59
 * China time"; CloudBase never does.
 */
export function callTime(): Date {
  const frozen = Number(process.env.TONGXIN_CLOCK_FROZEN_MS);
  if (process.env.TONGXIN_CLOCK_FROZEN_MS && Number.isFinite(frozen)) return new Date(frozen);
  const offset = Number(process.env.TONGXIN_CLOCK_OFFSET_MS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
