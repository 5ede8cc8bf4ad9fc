/**
 * A portrait poster (750 logical px wide, ≥ 1200 high) drawn on a Taro Canvas 2d from
 * `layoutPoster`, with 保存海报: weapp → canvasToTempFilePath + saveImageToPhotosAlbum (a
 * refused album permission explains itself and offers 去设置); H5 → toDataURL and an
 * `<a download>` link.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Canvas, Text, View } from '@tarojs/components';
import { toast } from '@/lib/confirm';
import { POSTER_WIDTH, layoutPoster, type DrawCommand, type Measure, type PosterContent, type PosterLayout } from './layout';

export type { PosterContent, PosterRow } from './layout';

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
}
export interface PosterCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PosterContext | null;
  toDataURL?(type?: string): string;
}

export function canvasMeasure(ctx: PosterContext): Measure {
  return (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };
}

/** Replays the layout's commands on a context already scaled to logical pixels. */
export function drawPoster(ctx: PosterContext, commands: readonly DrawCommand[]): void {
  ctx.textBaseline = 'top';
  for (const c of commands) {
    if (c.kind === 'rect') {
      ctx.fillStyle = c.color;
      ctx.fillRect(c.x, c.y, c.w, c.h);
    } else {
      ctx.fillStyle = c.color;
      ctx.font = c.font;
      ctx.textAlign = c.align;
      ctx.fillText(c.text, c.x, c.y);
    }
  }
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

export function Poster({ canvasId, content, fileName }: { canvasId: string; content: PosterContent; fileName: string }) {
  const width = useMemo(displayWidth, []);
  const canvasRef = useRef<PosterCanvas | null>(null);
  const [layout, setLayout] = useState<PosterLayout>(() => layoutPoster(content, POSTER_WIDTH));
  const [state, setState] = useState<'drawing' | 'ready' | 'failed'>('drawing');
  const [saving, setSaving] = useState(false);
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const key = JSON.stringify(content);

  const sizeRef = useRef({ w: 0, h: 0 });
  /** Sizes the bitmap (display width × pixel ratio) and draws; false without a 2d context. */
  const paint = (canvas: PosterCanvas): boolean => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    const l = layoutPoster(content, POSTER_WIDTH, canvasMeasure(ctx));
    const s = (width * pixelRatio()) / POSTER_WIDTH;
    canvas.width = Math.round(POSTER_WIDTH * s);
    canvas.height = Math.round(l.height * s);
    ctx.setTransform?.(1, 0, 0, 1, 0, 0);
    ctx.scale(s, s);
    drawPoster(ctx, l.commands);
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
  }, [canvasId, key, width]);

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
