/**
 * The landing page of an on-site sign-in code (meetings and themed activities): the token from
 * `?scene=`, one sign-in call per token however often React runs the effect, and 重新扫码 on
 * weapp, which accepts only codes of the same page.
 */
import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { toast } from '@/lib/confirm';
import { decodeParam } from '@/lib/format';
import { sceneForPage } from '@/lib/scan';
import type { ApiError } from '@/services/api';

export type SignInState<T> = { status: 'loading' } | { status: 'done'; result: T } | { status: 'refused'; error: ApiError };

export function useScannedSignIn<T>(options: { signIn: (token: string) => Promise<{ ok: true; data: T } | { ok: false; error: ApiError }>; page: string; missing: ApiError; notThisCode: string }) {
  const { params } = useRouter();
  const [token, setToken] = useState(() => decodeParam(params?.scene));
  const [state, setState] = useState<SignInState<T>>(token ? { status: 'loading' } : { status: 'refused', error: options.missing });
  const sent = useRef<string | null>(null);
  const signIn = useRef(options.signIn);
  signIn.current = options.signIn;

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    setState({ status: 'loading' });
    void signIn.current(token).then((res) => setState(res.ok ? { status: 'done', result: res.data } : { status: 'refused', error: res.error }));
  }, [token]);

  const rescan = async () => {
    let scan: { path?: string; result?: string };
    try {
      scan = await Taro.scanCode({ onlyFromCamera: true });
    } catch {
      return; // cancelled
    }
    const next = sceneForPage(scan, options.page);
    if (!next) {
      toast(options.notThisCode);
      return;
    }
    setToken(next);
  };

  return { state, rescan };
}
