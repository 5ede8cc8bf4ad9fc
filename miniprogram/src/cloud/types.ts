import type { Envelope } from '../../../shared/api/envelope';

/** The wire event a cloud function receives (shared/api/contract.ts `callEvent`). */
export interface CallEvent {
  action: string;
  input: unknown;
}

/** What a transport hands back: the function's envelope, untyped until the client types it. */
export type RawEnvelope = Envelope<unknown>;

/** One cloud adapter per platform (index.weapp.ts, index.h5.ts, index.ts). */
export type InvokeFunction = (name: string, event: CallEvent) => Promise<RawEnvelope>;

export const NETWORK_ERROR: RawEnvelope = {
  ok: false,
  error: { code: 'INTERNAL', message: '网络异常，请检查网络后重试' },
};

/** Accepts only a well-formed envelope; anything else becomes an INTERNAL error for the page. */
export function asEnvelope(body: unknown): RawEnvelope {
  if (body && typeof body === 'object' && 'ok' in body) {
    const b = body as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
    if (b.ok === true) return { ok: true, data: b.data };
    if (b.ok === false && b.error && typeof b.error.code === 'string' && typeof b.error.message === 'string') {
      return body as RawEnvelope;
    }
  }
  return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
}
