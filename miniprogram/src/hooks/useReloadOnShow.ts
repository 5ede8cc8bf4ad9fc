import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Re-runs `reload` when the page is shown again (e.g. back from sign-in), not on first show. */
export function useReloadOnShow(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
