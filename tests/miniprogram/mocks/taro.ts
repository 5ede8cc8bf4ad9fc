/**
 * Test double of @tarojs/taro for jsdom: in-memory storage, navigation spies and the page
 * lifecycle hooks pages use. Mapped in jest.config.js (project "miniprogram").
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const navigateTo = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'navigateTo:ok' }));
export const switchTab = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'switchTab:ok' }));
export const showToast = jest.fn(async (_opts: unknown) => ({ errMsg: 'showToast:ok' }));
export const request = jest.fn(async (_opts: unknown): Promise<{ statusCode: number; data: unknown }> => {
  throw new Error('Taro.request is not stubbed in this test');
});

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? storage.get(key) : '';
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value);
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}
export function clearStorageSync(): void {
  storage.clear();
}

/** Page shown: runs once after mount (first show), like Taro. */
export function useDidShow(cb: () => void): void {
  useEffect(() => {
    cb();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
export function useLaunch(cb: () => void): void {
  useEffect(() => {
    cb();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export const cloud = { init: jest.fn(), callFunction: jest.fn() };

const Taro = {
  navigateTo,
  switchTab,
  showToast,
  request,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  useDidShow,
  useLaunch,
  cloud,
};
export default Taro;
