import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type ActionInput, type ActionName, type ActionOutput, type ApiError } from '@/services/api';

export type ActionState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

/** Calls one action on mount and on `reload()`; the page renders from `state`. */
export function useAction<A extends ActionName>(action: A, input: ActionInput<A>) {
  const [state, setState] = useState<ActionState<ActionOutput<A>>>({ status: 'loading', data: null, error: null });
  const inputKey = JSON.stringify(input);
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState({ status: 'loading', data: null, error: null });
    let next: ActionState<ActionOutput<A>>;
    try {
      const res = await call(action, JSON.parse(inputKey) as ActionInput<A>);
      next = res.ok ? { status: 'ready', data: res.data, error: null } : { status: 'error', data: null, error: res.error };
    } catch {
      next = { status: 'error', data: null, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
    }
    // A later reload (or unmount) wins over a stale reply.
    if (mine === seq.current) setState(next);
  }, [action, inputKey]);

  useEffect(() => {
    void reload();
    return () => {
      seq.current++;
    };
  }, [reload]);

  return { ...state, reload };
}
