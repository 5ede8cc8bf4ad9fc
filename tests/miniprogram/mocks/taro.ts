/**
 * Test double of @tarojs/taro for jsdom: in-memory storage, navigation spies and the page
 * lifecycle hooks pages use. Mapped in jest.config.js (project "miniprogram").
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

export const navigateTo = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'navigateTo:ok' }));
export const switchTab = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'switchTab:ok' }));
export const showToast = jest.fn(async (_opts: unknown) => ({ errMsg: 'showToast:ok' }));
export const redirectTo = jest.fn(async (_opts: { url: string }) => ({ errMsg: 'redirectTo:ok' }));
export const navigateBack = jest.fn(async (_opts?: unknown) => ({ errMsg: 'navigateBack:ok' }));
export const setClipboardData = jest.fn(async (_opts: { data: string }) => ({ errMsg: 'setClipboardData:ok' }));
export const downloadFile = jest.fn(async (_opts: { url: string }) => ({ statusCode: 200, tempFilePath: '/tmp/qr.png' }));
export const openDocument = jest.fn(async (_opts: { filePath: string; fileType?: string }) => ({ errMsg: 'openDocument:ok' }));
export const chooseImage = jest.fn(async (_opts?: unknown) => ({ tempFilePaths: ['/tmp/photo.jpg'] }));
export const saveImageToPhotosAlbum = jest.fn(async (_opts: { filePath: string }) => ({ errMsg: 'saveImageToPhotosAlbum:ok' }));
export const showShareMenu = jest.fn(async (_opts?: unknown) => ({ errMsg: 'showShareMenu:ok' }));
export const canvasToTempFilePath = jest.fn(async (_opts: { canvas?: unknown }) => ({ tempFilePath: '/tmp/poster.png', errMsg: 'canvasToTempFilePath:ok' }));
export const openSetting = jest.fn(async (_opts?: unknown) => ({ authSetting: {}, errMsg: 'openSetting:ok' }));
/** A camera photo as the phone's picker gives it: 4032×3024, 3.2 MB (set per test). */
export const imageInfo = { width: 4032, height: 3024, size: 3_200_000 };
export const getImageInfo = jest.fn(async (_opts: { src: string }) => ({ width: imageInfo.width, height: imageInfo.height, path: _opts.src }));
export const getFileSystemManager = jest.fn(() => ({
  getFileInfo: (opts: { filePath: string; success: (r: { size: number }) => void; fail: (e: unknown) => void }) => opts.success({ size: imageInfo.size }),
}));
export const compressImage = jest.fn(async (_opts: { src: string; quality?: number; compressedWidth?: number; compressedHeight?: number }) => ({ tempFilePath: '/tmp/compressed.jpg' }));

/**
 * Taro.createSelectorQuery: `select('#id').fields(opts, cb).exec()` answers `{node, width, height}`
 * with `selectorNode.node` (set it in a test, e.g. to a fake canvas); null by default.
 */
export const selectorNode: { node: unknown } = { node: null };
export const createSelectorQuery = jest.fn(() => {
  const callbacks: Array<() => void> = [];
  const query = {
    select: (_selector: string) => ({
      fields: (_opts: unknown, cb?: (res: unknown) => void) => {
        callbacks.push(() => cb?.({ node: selectorNode.node, width: 300, height: 480 }));
        return query;
      },
    }),
    exec: () => {
      for (const cb of callbacks.splice(0)) cb();
    },
  };
  return query;
});

/** Taro.showModal: answers with `modalAnswer.confirm` (set it in a test); records each call. */
export const modalAnswer = { confirm: true };
export const showModal = jest.fn(async (_opts: { title?: string; content?: string }) => ({
  confirm: modalAnswer.confirm,
  cancel: !modalAnswer.confirm,
}));

/** The current page's query (useRouter().params); set with setRouterParams in a test. */
let routerParams: Record<string, string> = {};
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' };
}
export const useShareAppMessage = jest.fn((_cb: (res: unknown) => unknown) => undefined);

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
  redirectTo,
  navigateBack,
  setClipboardData,
  downloadFile,
  openDocument,
  chooseImage,
  saveImageToPhotosAlbum,
  canvasToTempFilePath,
  openSetting,
  getImageInfo,
  getFileSystemManager,
  compressImage,
  createSelectorQuery,
  showShareMenu,
  showModal,
  useRouter,
  useShareAppMessage,
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
