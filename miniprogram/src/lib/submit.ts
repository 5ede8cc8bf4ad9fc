/** One write at a time: the envelope, a busy flag and the last error (message + per-field messages). */
import { useCallback, useState } from 'react';
import { call, type ActionInput, type ActionName, type ActionOutput, type ApiError } from '@/services/api';

export type SubmitResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export async function safeCall<A extends ActionName>(action: A, input: ActionInput<A>): Promise<SubmitResult<ActionOutput<A>>> {
  try {
    return await call(action, input);
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
  }
}

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <A extends ActionName>(action: A, input: ActionInput<A>) => {
    setBusy(true);
    setError(null);
    const res = await safeCall(action, input);
    setBusy(false);
    if (!res.ok) setError(res.error);
    return res;
  }, []);
  const fieldError = (name: string): string | undefined => error?.fields?.[name];
  return { busy, error, setError, run, fieldError };
}
