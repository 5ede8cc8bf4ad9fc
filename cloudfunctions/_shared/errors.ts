import type { ZodError } from 'zod';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_MESSAGES } from '../../shared/api/errors';
import type { ApiError } from '../../shared/api/envelope';

/** Per-field Chinese messages for INVALID_INPUT, keyed by dotted path. */
export function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.code === 'unrecognized_keys' ? '包含不允许的字段' : '格式不正确';
  }
  return fields;
}

/** Turns anything thrown by a handler into an error a phone may see. Unknown errors are logged, not shown. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  console.error('[tongxin] unexpected error', error);
  return { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL };
}
