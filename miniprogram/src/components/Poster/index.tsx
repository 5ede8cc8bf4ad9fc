/**
 * A portrait poster (750 logical px wide, ≥ 1200 high) drawn on a Taro Canvas 2d from
 * `layoutPoster`, with 保存海报: weapp → canvasToTempFilePath + saveImageToPhotosAlbum (a
 * refused album permission explains itself and offers 去设置); H5 → toDataURL and an
 * `<a download>` link. An optional image (the QR code of a lesson) is loaded first — weapp
 * `canvas.createImage()`, H5 `new Image()` — and drawn without smoothing; `minScale` keeps
 * the exported bitmap large enough for that code to scan.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Canvas, Text, View } from '@tarojs/components';
import { toast } from '@/lib/confirm';
import { POSTER_WIDTH, layoutPoster, type DrawCommand, type Measure, type PosterContent, type PosterLayout } from './layout';

export type { PosterContent, PosterImage, PosterRow } from './layout';

/** The subset of CanvasRenderingContext2D the poster uses (weapp's and the browser's both have it). */
export interface PosterContext {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  scale(x: number, y: number): void;
  setTransform?(a: number, b: number, c: number, d: number, e: number, f: number): void;
  drawImage?(image: PosterImageElement, x: number, y: number, w: number, h: number): void;
  imageSmoothingEnabled?: boolean;
}
/** An image of the canvas (weapp `canvas.createImage()`) or of the page (H5 `new Image()`). */
export interface PosterImageElement {
  src: string;
  onload: ((...args: never[]) => unknown) | null;
  onerror: ((...args: never[]) => unknown) | null;
  crossOrigin?: string | null;
}
export interface PosterCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PosterContext | null;
  toDataURL?(type?: string): string;
  createImage?(): PosterImageElement;
}

export type LoadedImages = ReadonlyMap<string, PosterImageElement>;

export function canvasMeasure(ctx: PosterContext): Measure {
  return (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };
}

/** Replays the layout's commands on a context already scaled to logical pixels. */
export function drawPoster(ctx: PosterContext, commands: readonly DrawCommand[], images: LoadedImages = new Map()): void {
  ctx.textBaseline = 'top';
  for (const c of commands) {
    if (c.kind === 'rect') {
      ctx.fillStyle = c.color;
      ctx.fillRect(c.x, c.y, c.w, c.h);
    } else if (c.kind === 'image') {
      const image = images.get(c.src);
      if (image && ctx.drawImage) {
        // A QR code: hard module edges, not a blur.
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(image, c.x, c.y, c.w, c.h);
        ctx.imageSmoothingEnabled = true;
      }
    } else {
      ctx.fillStyle = c.color;
      ctx.font = c.font;
      ctx.textAlign = c.align;
      ctx.fillText(c.text, c.x, c.y);
    }
  }
}

/** The image sources a layout draws. */
export function imageSources(commands: readonly DrawCommand[]): string[] {
  return [...new Set(commands.flatMap((c) => (c.kind === 'image' ? [c.src] : [])))];
}

function newImage(canvas: PosterCanvas, src: string): PosterImageElement | null {
  if (typeof canvas.createImage === 'function') return canvas.createImage();
  if (typeof Image === 'undefined') return null;
  const image = new Image();
  // Another origin's image would taint the canvas and toDataURL would throw: ask for CORS.
  try {
    if (typeof location !== 'undefined' && new URL(src, location.href).origin !== location.origin) image.crossOrigin = 'anonymous';
  } catch {
    // a relative or data URL: same origin
  }
  return image;
}

/** Loads every image for the canvas; null when one fails or takes longer than `timeoutMs`. */
export function loadImages(canvas: PosterCanvas, sources: readonly string[], timeoutMs = 15000): Promise<LoadedImages | null> {
  if (sources.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve) => {
    const loaded = new Map<string, PosterImageElement>();
    let settled = false;
    const finish = (value: LoadedImages | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    for (const src of sources) {
      const image = newImage(canvas, src);
      if (!image) return finish(null);
      image.onload = () => {
        loaded.set(src, image);
        if (loaded.size === sources.length) finish(loaded);
      };
      image.onerror = () => finish(null);
      image.src = src;
    }
  });
}

/** Window facts: getWindowInfo (newer base libraries), else getSystemInfoSync, else null. */
function windowInfo(): { pixelRatio?: number; windowWidth?: number } | null {
  // Taro.x written out (not through a variable): H5's build rewrites these to its own imports.
  try {
    return Taro.getWindowInfo();
  } catch {
    try {
      return Taro.getSystemInfoSync();
    } catch {
      return null;
    }
  }
}

function pixelRatio(): number {
  const r = windowInfo()?.pixelRatio;
  return r && r > 0 ? Math.min(r, 3) : 2;
}

function displayWidth(): number {
  const w = windowInfo()?.windowWidth;
  return w && w > 0 ? Math.min(320, w - 64) : 300;
}

/** The canvas node of `#id`; H5 may hand back Taro's wrapper (or nothing), its <canvas> is inside. */
function queryCanvas(id: string): Promise<PosterCanvas | null> {
  return new Promise((resolve) => {
    // Taro.x written out: H5's build rewrites `Taro.createSelectorQuery` to its own import.
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true }, (res: { node?: unknown } | null) => {
          let node = (res?.node ?? null) as (PosterCanvas & { getElementsByTagName?: (n: string) => ArrayLike<unknown> }) | null;
          if (node && typeof node.getContext !== 'function') node = (node.getElementsByTagName?.('canvas')[0] as typeof node) ?? null;
          // Taro H5 answers node: null for a Canvas whose `type` it cannot read: take the <canvas> inside.
          if (!node && process.env.TARO_ENV === 'h5') node = document.querySelector(`#${id} canvas`) as typeof node;
          resolve(node && typeof node.getContext === 'function' ? node : null);
        })
        .exec();
    } catch {
      resolve(null);
    }
  });
}

const isAuthDenied = (e: unknown) => /auth|deny|denied|permission|authorize/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

/** weapp: the canvas to a temporary PNG, then into the album; explains a refused permission. */
export async function saveToAlbum(canvas: PosterCanvas): Promise<boolean> {
  let filePath: string;
  try {
    const tmp = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option);
    filePath = tmp.tempFilePath;
  } catch {
    toast('海报生成失败，请重试');
    return false;
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    toast('海报已保存到相册', 'success');
    return true;
  } catch (e) {
    if (isAuthDenied(e)) {
      const res = await Taro.showModal({
        title: '需要相册权限',
        content: '保存海报需要“添加到相册”的权限。请点“去设置”打开该权限后，再点保存海报。',
        confirmText: '去设置',
        cancelText: '取消',
      }).catch(() => ({ confirm: false }));
      if (res.confirm) await Taro.openSetting().catch(() => undefined);
    } else {
      toast('海报保存失败，请重试');
    }
    return false;
  }
}

export interface PosterProps {
  canvasId: string;
  content: PosterContent;
  fileName: string;
  /**
   * The least bitmap pixels per logical pixel (default: none, display width × pixel ratio).
   * A poster carrying a QR code passes 1 or more so the saved code stays large and crisp.
   */
  minScale?: number;
}

export function Poster({ canvasId, content, fileName, minScale = 0 }: PosterProps) {
  const width = useMemo(displayWidth, []);
  const canvasRef = useRef<PosterCanvas | null>(null);
  const [layout, setLayout] = useState<PosterLayout>(() => layoutPoster(content, POSTER_WIDTH));
  const [state, setState] = useState<'drawing' | 'ready' | 'failed'>('drawing');
  const [saving, setSaving] = useState(false);
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const key = JSON.stringify(content);

  const sizeRef = useRef({ w: 0, h: 0 });
  const imagesRef = useRef<LoadedImages>(new Map());
  /** Sizes the bitmap (display width × pixel ratio) and draws; false without a 2d context. */
  const paint = (canvas: PosterCanvas): boolean => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    const l = layoutPoster(content, POSTER_WIDTH, canvasMeasure(ctx));
    const s = Math.max((width * pixelRatio()) / POSTER_WIDTH, minScale);
    canvas.width = Math.round(POSTER_WIDTH * s);
    canvas.height = Math.round(l.height * s);
    ctx.setTransform?.(1, 0, 0, 1, 0, 0);
    ctx.scale(s, s);
    drawPoster(ctx, l.commands, imagesRef.current);
    sizeRef.current = { w: canvas.width, h: canvas.height };
    setLayout(l);
    return true;
  };
  /**
   * H5's Taro Canvas resets its bitmap to the element's size when it (re)renders, which can
   * come after our drawing: a bitmap that is no longer ours is drawn again.
   */
  const ensurePainted = (canvas: PosterCanvas) => {
    if (canvas.width !== sizeRef.current.w || canvas.height !== sizeRef.current.h) paint(canvas);
  };

  useEffect(() => {
    let alive = true;
    const timers: ReturnType<typeof setTimeout>[] = [];
    setState('drawing');
    setDataUrl(null);
    const attempt = async (n: number): Promise<void> => {
      const canvas = await queryCanvas(canvasId);
      if (!alive) return;
      if (!canvas) {
        // The node can come late (weapp: after setData; H5: the Canvas element loads lazily): ~3 s.
        if (n < 20) timers.push(setTimeout(() => void attempt(n + 1), 150));
        else setState('failed');
        return;
      }
      const sources = imageSources(layoutPoster(content, POSTER_WIDTH).commands);
      const images = await loadImages(canvas, sources);
      if (!alive) return;
      if (!images) return setState('failed');
      imagesRef.current = images;
      if (!paint(canvas)) return setState('failed');
      canvasRef.current = canvas;
      setState('ready');
      for (const ms of [100, 400, 1200]) timers.push(setTimeout(() => alive && ensurePainted(canvas), ms));
    };
    void attempt(0);
    return () => {
      alive = false;
      timers.forEach(clearTimeout);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasId, key, width, minScale]);

  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    ensurePainted(canvas);
    if (process.env.TARO_ENV === 'weapp') {
      setSaving(true);
      try {
        await saveToAlbum(canvas);
      } finally {
        setSaving(false);
      }
      return;
    }
    try {
      setDataUrl(canvas.toDataURL?.('image/png') ?? null);
    } catch {
      toast('海报生成失败，请重试');
    }
  };

  const height = Math.round((width * layout.height) / POSTER_WIDTH);
  return (
    <View className='poster'>
      <Canvas
        type='2d'
        id={canvasId}
        className='poster__canvas'
        style={{ width: `${width}px`, height: `${height}px` }}
        aria-label={`海报：${content.title}`}
      />
      {state === 'failed' ? <Text className='text text--muted'>海报生成失败，请稍后重试。</Text> : null}
      <Button
        className='btn btn--primary'
        aria-label='保存海报'
        disabled={state !== 'ready' || saving || undefined}
        loading={saving || undefined}
        onClick={() => void save()}
      >
        保存海报
      </Button>
      {dataUrl ? (
        <a className='btn btn--plain link-download' href={dataUrl} download={fileName} aria-label={`下载海报 ${fileName}`}>
          下载海报
        </a>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? <Text className='text text--small text--muted'>保存到相册后，可在微信群里发送图片。</Text> : null}
    </View>
  );
}
