/**
 * 适老化 large-font mode: one device setting (Taro storage), shared by every page through a
 * tiny store so toggling it on 我的 re-renders the other tab pages too.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

export const LARGE_FONT_KEY = 'tx_large_font';

const listeners = new Set<(on: boolean) => void>();
let current: boolean | null = null;

function read(): boolean {
  if (current === null) {
    try {
      current = Taro.getStorageSync(LARGE_FONT_KEY) === '1';
    } catch {
      current = false;
    }
  }
  return current;
}

export function setLargeFont(on: boolean): void {
  current = on;
  try {
    Taro.setStorageSync(LARGE_FONT_KEY, on ? '1' : '0');
  } catch {
    // storage full or unavailable: the setting still applies for this session
  }
  listeners.forEach((l) => l(on));
}

export function useLargeFont(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read);
  useEffect(() => {
    listeners.add(setOn);
    setOn(read());
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setLargeFont];
}

/** Test helper: forget the cached value so the next read goes to storage. */
export function resetLargeFontForTests(): void {
  current = null;
  listeners.clear();
}
