import type { ZodError } from 'zod';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_MESSAGES } from '../../shared/api/errors';
import type { ApiError } from '../../shared/api/envelope';

const CJK = /[\u4e00-\u9fa5]/;
const GENERIC: Record<string, string> = {
  too_small: '内容太短或为空',
  too_big: '内容太长或数值太大',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '包含不允许的字段',
};

/**
 * Per-field Chinese messages for INVALID_INPUT, keyed by dotted path ('_' for the whole
 * input). The schemas' own messages are Chinese (shared/domain/text.ts); zod's built-in
 * English ones are replaced by a generic Chinese one.
 */
export function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    fields[key] = CJK.test(issue.message) ? issue.message : (GENERIC[issue.code] ?? '格式不正确');
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
