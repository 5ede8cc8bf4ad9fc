/**
 * Who the current call is for, without threading it through every view: the runtime runs each
 * action inside it (define.ts). Views read it where a rule depends on the viewer — a member sees
 * their own images while WeChat checks them, nobody else does (files.ts `tempUrls`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface CallContext {
  /** The bound member making the call, or null (a newcomer, a timer). */
  memberId: string | null;
}

const storage = new AsyncLocalStorage<CallContext>();

export function withCaller<T>(context: CallContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

/** The member the current call is for, or null outside a call. */
export function currentMemberId(): string | null {
  return storage.getStore()?.memberId ?? null;
}
