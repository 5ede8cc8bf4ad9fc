import type { ErrorCode } from './errors';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, readable by a member; never a stack trace, SQL or EJSON. */
  message: string;
  /** Per-field messages for INVALID_INPUT, keyed by the input path ("name", "items.0.title"). */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(error: ApiError): Envelope<never> {
  return { ok: false, error };
}
