/** One printable line for any thrown value: manager-node may wrap a network error object as the "message". */
export function errorLine(error: unknown): string {
  const message: unknown = error instanceof Error ? error.message : error;
  return String(message).split('\n')[0];
}
