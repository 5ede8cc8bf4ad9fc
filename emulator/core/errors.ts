/** The error reply shape of the CloudBase admin API: HTTP 200 `{code, message, requestId}`; the SDK throws it. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function errorReply(error: unknown, requestId: string): Record<string, unknown> {
  if (error instanceof ServiceError) return { code: error.code, message: error.message, requestId };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'SYS_ERR', message, requestId };
}
