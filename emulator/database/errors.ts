/**
 * Error codes the CloudBase database service returns (HTTP 200 `{code, message, requestId}`);
 * the SDK throws them as errors with `code`. Names follow the real service where known.
 */
export const DB_ERRORS = {
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  INVALID_PARAM: 'INVALID_PARAM',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  ACTION_NOT_SUPPORTED: 'ACTION_NOT_SUPPORTED',
} as const;

export type DbErrorCode = (typeof DB_ERRORS)[keyof typeof DB_ERRORS];

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

export const invalidParam = (message: string): DbError => new DbError(DB_ERRORS.INVALID_PARAM, message);

export const collectionNotExist = (name: string): DbError =>
  new DbError(DB_ERRORS.COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`);

/**
 * CloudBase refuses a field name starting with `$`, at the top level or nested (in objects and
 * in arrays of objects), on insert, set and update: it would read as an operator.
 */
export function refuseDollarNames(value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => refuseDollarNames(item, `${path}.${i}`));
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) throw invalidParam(`field name ${at} starts with $, which is not allowed`);
    refuseDollarNames(inner, at);
  }
}
