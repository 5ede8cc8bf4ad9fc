/**
 * The rotating on-site sign-in code of a meeting or a themed activity, shown full width to the
 * room. Mounted only while shown; fetches at once (and again when the page is shown after
 * being hidden), then every REFRESH_SECONDS with a visible countdown; keeps the phone's screen
 * on meanwhile (weapp); nothing runs while hidden or after unmount.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { SIGN_IN_TOKEN_SECONDS } from '@/domain/study';
import type { ApiError } from '@/services/api';

/** A new code this often: 15 s before the shown one expires, so a scan just before the change still has time. */
export const REFRESH_SECONDS = SIGN_IN_TOKEN_SECONDS - 15;
/** After a failed refresh, try again this soon. */
export const RETRY_SECONDS = 5;

type CodeResult = { ok: true; data: { qrUrl: string } } | { ok: false; error: ApiError };

export function RotatingSignInCode({ fetch, onRefreshed, label, className }: { fetch: () => Promise<CodeResult>; onRefreshed: () => void; label: string; className: string }) {
  const [qrUrl, setQrUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(REFRESH_SECONDS);
  const [shown, setShown] = useState(true);
  const nextAt = useRef(0);
  const busy = useRef(false);
  const alive = useRef(true);
  const latest = useRef({ fetch, onRefreshed });
  latest.current = { fetch, onRefreshed };

  // Set on every mount: StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));

  const fetchCode = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    const res = await latest.current.fetch();
    busy.current = false;
    if (!alive.current) return;
    if (res.ok) {
      setQrUrl(res.data.qrUrl);
      setError(null);
      nextAt.current = Date.now() + REFRESH_SECONDS * 1000;
      setLeft(REFRESH_SECONDS);
      latest.current.onRefreshed();
    } else {
      setError(res.error.message);
      nextAt.current = Date.now() + RETRY_SECONDS * 1000;
    }
  }, []);

  useEffect(() => {
    if (!shown) return undefined;
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    void fetchCode();
    const timer = setInterval(() => {
      const ms = nextAt.current - Date.now();
      setLeft(Math.max(0, Math.ceil(ms / 1000)));
      if (ms <= 0) void fetchCode();
    }, 1000);
    return () => {
      clearInterval(timer);
      if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, [shown, fetchCode]);

  return (
    <View aria-live='polite'>
      {error ? (
        <View className='alert' role='alert'>
          <Text>{`${error}（${RETRY_SECONDS} 秒后重试）`}</Text>
        </View>
      ) : null}
      {qrUrl ? <Image className={className} src={qrUrl} mode='widthFix' aria-label={label} /> : <Text className='notice'>正在生成二维码…</Text>}
      {qrUrl ? <Text className={`${className}__countdown`}>{`${left} 秒后更换二维码`}</Text> : null}
      <Text className='text text--small text--muted'>二维码每分钟更换，拍照或转发的二维码无法签到。</Text>
    </View>
  );
}
