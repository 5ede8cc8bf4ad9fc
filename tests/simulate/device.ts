/**
 * The phone under the built weapp: the `wx` APIs the pages use beyond rendering, faked as
 * WeChat answers them, with a record of what the page asked for.
 * - files: temporary files (`wxfile://tmp_…`) the camera, the image compressor and canvases
 *   make; `wx.cloud.uploadFile` sends their bytes to the emulator's storage as the signed-in
 *   member (the platform's identity, like `wx.cloud.callFunction`);
 * - camera: `chooseMedia` gives the photo the test loaded (or a cancel);
 * - images: `getImageInfo` reads a JPEG's or PNG's size from its bytes, `compressImage`
 *   makes the smaller file it was asked for;
 * - canvas 2d: `createSelectorQuery().select('#id').fields({node})` finds the page's
 *   `<canvas type="2d" id>` and gives a node whose context records every drawing call;
 *   `canvas.createImage()` loads an image from the emulator over HTTP (a failed download or
 *   bytes that are no image call onerror); `canvasToTempFilePath` exports a PNG of what
 *   was drawn;
 * - album, toasts, modals, location, share menu: recorded; the album can refuse.
 */
import { imageTypeOf } from '../../shared/domain/files';
import { pngBytes } from '../support/images';

type Callbacks<R> = { success?: (r: R) => void; fail?: (e: { errMsg: string }) => void; complete?: (r: unknown) => void };
type Options<R> = Callbacks<R> & Record<string, unknown>;

/** One recorded call on a canvas context: a method with its arguments, or a property set. */
export type DrawOp = { op: string; args: unknown[] };

export interface FakeCanvas {
  readonly id: string;
  width: number;
  height: number;
  readonly ops: DrawOp[];
  readonly images: FakeImage[];
  getContext(kind: string): Record<string, unknown> | null;
  createImage(): FakeImage;
}

export interface FakeImage {
  src: string;
  width: number;
  height: number;
  onload: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
  loaded: boolean;
}

export interface Device {
  files: Map<string, Uint8Array>;
  /** Places bytes on the phone as a temporary file; returns its path. */
  addFile(bytes: Uint8Array, ext: string): string;
  /** What the next chooseMedia gives: a file path, or null for the user cancelling. */
  nextPhoto: string | null;
  /** The member refused the camera (or the privacy guide lacks it): chooseMedia fails with auth deny. */
  cameraRefused: boolean;
  /** When set, getLocation answers this; otherwise the user refused. */
  location: { latitude: number; longitude: number } | null;
  locationAsks: Array<Record<string, unknown>>;
  albumRefused: boolean;
  /** How the member answers the next modals: 确定 (true) or 取消. */
  confirmModals: boolean;
  chooseMedia: Array<Record<string, unknown>>;
  compressions: Array<{ src: string; quality?: number; compressedWidth?: number; compressedHeight?: number; out: string }>;
  uploads: Array<{ cloudPath: string; fileID: string; bytes: Uint8Array }>;
  canvases: Map<string, FakeCanvas>;
  exports: Array<{ canvas: string; fileType?: string; path: string }>;
  album: string[];
  toasts: string[];
  modals: Array<{ title?: string; content?: string }>;
  shareMenu: Array<Record<string, unknown>>;
}

export const PHONE = { windowWidth: 390, windowHeight: 844, pixelRatio: 3, screenWidth: 390, screenHeight: 844 } as const;

const settle = <R>(opts: Callbacks<R> | undefined, run: () => Promise<R>): Promise<R> => {
  const p = run();
  p.then(
    (r) => {
      opts?.success?.(r);
      opts?.complete?.(r);
    },
    (e: unknown) => {
      const err = { errMsg: e instanceof Error ? e.message : String((e as { errMsg?: string })?.errMsg ?? e) };
      opts?.fail?.(err);
      opts?.complete?.(err);
    },
  );
  // WeChat's callback style: the promise is the caller's business only.
  p.catch(() => undefined);
  return p;
};

/** Width and height of a PNG (IHDR) or a baseline/progressive JPEG (SOF0/SOF2), else null. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = imageTypeOf(bytes);
  if (type === 'image/png' && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (type !== 'image/jpeg') return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const length = view.getUint16(at + 2);
    if (marker === 0xc0 || marker === 0xc2) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + length;
  }
  return null;
}

/** A JPEG as a phone camera writes one: its size in the SOF0 header, `bytes` long in all. */
export function cameraJpeg(width: number, height: number, bytes: number): Uint8Array {
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  const out = new Uint8Array(Math.max(bytes, head.length + sof.length + 2));
  out.set(head, 0);
  out.set(sof, head.length);
  // Entropy-coded data stands in as a repeating pattern; the end-of-image marker closes it.
  for (let i = head.length + sof.length; i < out.length - 2; i++) out[i] = (i * 31) & 0x7f;
  out.set([0xff, 0xd9], out.length - 2);
  return out;
}

/** A context that records every call and property set, and measures text by its font size. */
function recordingContext(canvas: FakeCanvas): Record<string, unknown> {
  const state: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, textAlign: 'start', textBaseline: 'alphabetic', canvas };
  return new Proxy(state, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      if (prop === 'measureText') {
        return (text: string) => {
          const px = Number(/(\d+(?:\.\d+)?)px/.exec(String(target.font))?.[1] ?? 10);
          // CJK glyphs are square; Latin about half as wide.
          const width = Array.from(text).reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? px : px * 0.55), 0);
          return { width };
        };
      }
      return (...args: unknown[]) => {
        canvas.ops.push({ op: prop, args });
        return undefined;
      };
    },
    set(target, prop, value) {
      if (typeof prop !== 'string') return false;
      target[prop] = value;
      canvas.ops.push({ op: `set:${prop}`, args: [value] });
      return true;
    },
  });
}

export interface DeviceHooks {
  origin: string;
  token(): string | null;
  /** The rendered page's node for a selector (exparser), or null. */
  find(selector: string): { dom: Element; attributes: Record<string, unknown> } | null;
}

export function installDevice(wx: Record<string, unknown>, hooks: DeviceHooks): Device {
  let seq = 0;
  const device: Device = {
    files: new Map(),
    addFile(bytes, ext) {
      const path = `wxfile://tmp_${++seq}_${Date.now().toString(36)}.${ext}`;
      device.files.set(path, bytes);
      return path;
    },
    nextPhoto: null,
    cameraRefused: false,
    location: null,
    locationAsks: [],
    albumRefused: false,
    confirmModals: false,
    chooseMedia: [],
    compressions: [],
    uploads: [],
    canvases: new Map(),
    exports: [],
    album: [],
    toasts: [],
    modals: [],
    shareMenu: [],
  };
  const read = (path: string): Uint8Array => {
    const bytes = device.files.get(path);
    if (!bytes) throw new Error(`no such file or directory ${path}`);
    return bytes;
  };

  const loadImage = async (image: FakeImage): Promise<void> => {
    const src = image.src;
    let bytes: Uint8Array;
    if (/^https?:/.test(src)) {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`image download failed: ${res.status}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    } else if (src.startsWith('data:')) {
      bytes = Uint8Array.from(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
    } else {
      bytes = read(src);
    }
    const size = imageSize(bytes);
    if (!size) throw new Error(`not an image: ${src}`);
    image.width = size.width;
    image.height = size.height;
  };

  const canvasFor = (id: string): FakeCanvas => {
    const known = device.canvases.get(id);
    if (known) return known;
    const canvas: FakeCanvas = {
      id,
      width: 300,
      height: 150,
      ops: [],
      images: [],
      getContext(kind) {
        return kind === '2d' ? (context ??= recordingContext(canvas)) : null;
      },
      createImage() {
        const image: FakeImage = { width: 0, height: 0, onload: null, onerror: null, loaded: false, src: '' };
        let src = '';
        Object.defineProperty(image, 'src', {
          get: () => src,
          set(value: string) {
            src = value;
            loadImage(image).then(
              () => {
                image.loaded = true;
                image.onload?.();
              },
              (e: unknown) => image.onerror?.(e),
            );
          },
        });
        canvas.images.push(image);
        return image;
      },
    };
    let context: Record<string, unknown> | undefined;
    device.canvases.set(id, canvas);
    return canvas;
  };

  /** `#id` of a rendered `<canvas type="2d">`: its node; anything else has none. */
  const nodeOf = (selector: string): FakeCanvas | null => {
    const found = hooks.find(selector);
    const dom = found?.dom;
    if (!dom || dom.tagName.toLowerCase() !== 'wx-canvas') return null;
    if (found.attributes.type !== '2d') return null;
    return canvasFor(selector.replace(/^#/, ''));
  };

  const selectorQuery = () => {
    const asks: Array<{ selector: string; fields: Record<string, unknown>; cb?: (r: unknown) => void }> = [];
    const query = {
      in: () => query,
      select(selector: string) {
        const step = {
          fields(fields: Record<string, unknown>, cb?: (r: unknown) => void) {
            asks.push({ selector, fields, cb });
            return query;
          },
          node(cb?: (r: unknown) => void) {
            asks.push({ selector, fields: { node: true }, cb });
            return query;
          },
          boundingClientRect(cb?: (r: unknown) => void) {
            asks.push({ selector, fields: { size: true, rect: true }, cb });
            return query;
          },
        };
        return step;
      },
      selectViewport: () => query.select('viewport'),
      exec(cb?: (r: unknown[]) => void) {
        setTimeout(() => {
          const results = asks.map(({ selector, fields, cb: each }) => {
            const node = fields.node ? nodeOf(selector) : null;
            const found = hooks.find(selector);
            const r = found ? { id: selector.replace(/^#/, ''), node, width: PHONE.windowWidth - 48, height: 200 } : null;
            each?.(r);
            return r;
          });
          cb?.(results);
        }, 0);
        return query;
      },
    };
    return query;
  };

  const upload = async (opts: { cloudPath: string; filePath: string }) => {
    const bytes = read(opts.filePath);
    // multipart/form-data written out: jsdom's FormData and Blob are not Node fetch's.
    const boundary = `----tongxin${Date.now().toString(16)}`;
    const name = opts.filePath.split('/').pop() ?? 'file';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="cloudPath"\r\n\r\n${opts.cloudPath}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const token = hooks.token();
    const res = await fetch(`${hooks.origin}/__/storage/client-upload`, {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(token ? { 'x-tongxin-session': token } : {}) },
    });
    const reply = (await res.json()) as { fileID?: string };
    if (!res.ok || !reply.fileID) throw new Error(`cloud.uploadFile:fail ${res.status}`);
    device.uploads.push({ cloudPath: opts.cloudPath, fileID: reply.fileID, bytes });
    return { fileID: reply.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
  };

  Object.assign(wx, {
    getWindowInfo: () => ({ ...PHONE, statusBarHeight: 47, safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 } }),
    getSystemInfoSync: () => ({ ...PHONE, platform: 'ios', system: 'iOS 17', SDKVersion: '3.5.0', version: '8.0.50', statusBarHeight: 47 }),
    chooseMedia: (opts: Options<unknown>) =>
      settle(opts, async () => {
        device.chooseMedia.push({ ...opts });
        if (device.cameraRefused) throw new Error('chooseMedia:fail auth deny');
        const path = device.nextPhoto;
        device.nextPhoto = null;
        if (!path) throw new Error('chooseMedia:fail cancel');
        return { type: 'image', tempFiles: [{ tempFilePath: path, size: read(path).length, fileType: 'image' }], errMsg: 'chooseMedia:ok' };
      }),
    getImageInfo: (opts: Options<unknown> & { src: string }) =>
      settle(opts, async () => {
        const size = imageSize(read(opts.src));
        if (!size) throw new Error('getImageInfo:fail invalid image');
        return { ...size, path: opts.src, type: 'jpeg', orientation: 'up', errMsg: 'getImageInfo:ok' };
      }),
    compressImage: (opts: Options<unknown> & { src: string; quality?: number; compressedWidth?: number; compressedHeight?: number }) =>
      settle(opts, async () => {
        const size = imageSize(read(opts.src));
        if (!size) throw new Error('compressImage:fail invalid image');
        const width = opts.compressedWidth ?? size.width;
        const height = opts.compressedHeight ?? Math.round((size.height * width) / size.width);
        // About 0.35 byte a pixel at quality 80: what a phone's JPEG encoder gives a photo.
        const out = device.addFile(cameraJpeg(width, height, Math.round(width * height * 0.35 * ((opts.quality ?? 80) / 80))), 'jpg');
        device.compressions.push({ src: opts.src, quality: opts.quality, compressedWidth: opts.compressedWidth, compressedHeight: opts.compressedHeight, out });
        return { tempFilePath: out, errMsg: 'compressImage:ok' };
      }),
    getFileSystemManager: () => ({
      getFileInfo: (opts: Options<unknown> & { filePath: string }) => settle(opts, async () => ({ size: read(opts.filePath).length, errMsg: 'getFileInfo:ok' })),
      readFile: (opts: Options<unknown> & { filePath: string }) => settle(opts, async () => ({ data: read(opts.filePath).buffer, errMsg: 'readFile:ok' })),
    }),
    getLocation: (opts: Options<unknown>) =>
      settle(opts, async () => {
        device.locationAsks.push({ ...opts });
        if (!device.location) throw new Error('getLocation:fail auth deny');
        return { ...device.location, accuracy: 30, errMsg: 'getLocation:ok' };
      }),
    createSelectorQuery: selectorQuery,
    canvasToTempFilePath: (opts: Options<unknown> & { canvas?: FakeCanvas; canvasId?: string; fileType?: string }) =>
      settle(opts, async () => {
        const canvas = opts.canvas;
        if (!canvas || !device.canvases.has(canvas.id)) throw new Error('canvasToTempFilePath:fail canvas is empty');
        const drew = canvas.ops.some((o) => !o.op.startsWith('set:') && o.op !== 'scale' && o.op !== 'setTransform');
        if (!drew) throw new Error('canvasToTempFilePath:fail canvas is empty');
        const path = device.addFile(pngBytes(`canvas:${canvas.id}:${canvas.width}x${canvas.height}`), opts.fileType === 'jpg' ? 'jpg' : 'png');
        device.exports.push({ canvas: canvas.id, fileType: opts.fileType, path });
        return { tempFilePath: path, errMsg: 'canvasToTempFilePath:ok' };
      }),
    saveImageToPhotosAlbum: (opts: Options<unknown> & { filePath: string }) =>
      settle(opts, async () => {
        read(opts.filePath);
        if (device.albumRefused) throw new Error('saveImageToPhotosAlbum:fail auth deny');
        device.album.push(opts.filePath);
        return { errMsg: 'saveImageToPhotosAlbum:ok' };
      }),
    showToast: (opts: Options<unknown> & { title: string }) =>
      settle(opts, async () => {
        device.toasts.push(opts.title);
        return { errMsg: 'showToast:ok' };
      }),
    hideToast: (opts?: Options<unknown>) => settle(opts, async () => ({ errMsg: 'hideToast:ok' })),
    showLoading: (opts?: Options<unknown>) => settle(opts, async () => ({ errMsg: 'showLoading:ok' })),
    hideLoading: (opts?: Options<unknown>) => settle(opts, async () => ({ errMsg: 'hideLoading:ok' })),
    showModal: (opts: Options<unknown> & { title?: string; content?: string }) =>
      settle(opts, async () => {
        device.modals.push({ title: opts.title, content: opts.content });
        return { confirm: device.confirmModals, cancel: !device.confirmModals, errMsg: 'showModal:ok' };
      }),
    showShareMenu: (opts: Options<unknown>) =>
      settle(opts, async () => {
        device.shareMenu.push({ ...opts });
        return { errMsg: 'showShareMenu:ok' };
      }),
    previewImage: (opts: Options<unknown>) => settle(opts, async () => ({ errMsg: 'previewImage:ok' })),
    requestSubscribeMessage: (opts: Options<unknown>) => settle(opts, async () => ({ errMsg: 'requestSubscribeMessage:ok' })),
    openSetting: (opts: Options<unknown>) => settle(opts, async () => ({ authSetting: {}, errMsg: 'openSetting:ok' })),
  });
  (wx.cloud as Record<string, unknown>).uploadFile = (opts: Options<unknown> & { cloudPath: string; filePath: string }) => settle(opts, () => upload(opts));
  return device;
}
