/**
 * A handwritten signature pad: black ink about 4 px wide on white, 清除 and 确定.
 *
 * weapp: a Taro Canvas type 2d (node from createSelectorQuery, bitmap = size × pixel ratio),
 * drawn with its touch events (`touches[i].x/y` are canvas-relative); `disableScroll` keeps
 * the page still while writing. 确定 → `canvasToTempFilePath({canvas})`, a temporary PNG.
 *
 * H5 (and jsdom): a plain <canvas>. Taro H5's Canvas only forwards touch events to its inner
 * canvas and resets the bitmap to the element's CSS size whenever it renders, which would
 * wipe the ink; so the pad renders the element itself and listens to mouse and touch events
 * (mouse events that follow a touch are ignored, `touch-action: none` stops scrolling).
 * 确定 → `toDataURL('image/png')`, a data: URL, which cloud/upload.h5.ts fetches like a blob: URL.
 *
 * The strokes are kept as data (strokes.ts): 确定 with nothing (or only a stray tap) drawn
 * is refused with a message, whatever the pixels say.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent, TouchEvent as ReactTouchEvent } from 'react';
import Taro from '@tarojs/taro';
import { Button, Canvas, Text, View } from '@tarojs/components';
import { drawDot, drawSegment, drawStrokes, hasSignature, preparePaper, type PadCanvas, type PadContext, type Point, type Stroke } from './strokes';
import './index.css';

export { hasSignature, inkLength, type Stroke } from './strokes';

export interface SignaturePadProps {
  canvasId: string;
  /** The signature as a PNG: a weapp temporary file path, or an H5 data: URL. */
  onConfirm: (filePath: string) => void;
  onCancel?: () => void;
}

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

function padSize(): { w: number; h: number; ratio: number } {
  const info = windowInfo();
  const ww = info?.windowWidth && info.windowWidth > 0 ? info.windowWidth : 375;
  const w = Math.max(240, Math.min(640, Math.round(ww - 72)));
  const r = info?.pixelRatio && info.pixelRatio > 0 ? Math.min(info.pixelRatio, 3) : 2;
  return { w, h: Math.max(160, Math.round(w * 0.5)), ratio: r };
}

/** weapp: the canvas node of `#id` (it can come late, after setData). */
function queryNode(id: string): Promise<PadCanvas | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true }, (res: { node?: unknown } | null) => {
          const node = (res?.node ?? null) as PadCanvas | null;
          resolve(node && typeof node.getContext === 'function' ? node : null);
        })
        .exec();
    } catch {
      resolve(null);
    }
  });
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';

export function SignaturePad({ canvasId, onConfirm, onCancel }: SignaturePadProps) {
  const size = useMemo(padSize, []);
  const strokes = useRef<Stroke[]>([]);
  const current = useRef<Stroke | null>(null);
  const canvasRef = useRef<PadCanvas | null>(null);
  const ctxRef = useRef<PadContext | null>(null);
  const lastTouch = useRef(0);
  const [inked, setInked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const attach = (canvas: PadCanvas, setBitmap: boolean) => {
    if (setBitmap) {
      canvas.width = Math.round(size.w * size.ratio);
      canvas.height = Math.round(size.h * size.ratio);
    }
    canvasRef.current = canvas;
    let ctx: PadContext | null = null;
    try {
      ctx = canvas.getContext('2d');
    } catch {
      ctx = null;
    }
    ctxRef.current = ctx;
    if (ctx) {
      preparePaper(ctx, size.w, size.h, size.ratio);
      drawStrokes(ctx, strokes.current);
    }
  };

  // weapp: find the node once rendered (~3 s of tries).
  useEffect(() => {
    if (!isWeapp()) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = async (n: number) => {
      const node = await queryNode(canvasId);
      if (!alive) return;
      if (node) attach(node, true);
      else if (n < 20) timer = setTimeout(() => void attempt(n + 1), 150);
    };
    void attempt(0);
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasId]);

  const begin = (p: Point) => {
    const stroke: Stroke = [p];
    current.current = stroke;
    strokes.current.push(stroke);
    if (ctxRef.current) drawDot(ctxRef.current, p);
    setError(null);
  };
  const extend = (p: Point) => {
    const stroke = current.current;
    if (!stroke) return;
    const last = stroke[stroke.length - 1];
    if (last && last.x === p.x && last.y === p.y) return;
    stroke.push(p);
    if (ctxRef.current && last) drawSegment(ctxRef.current, last, p);
    if (!inked && hasSignature(strokes.current)) setInked(true);
  };
  const end = () => {
    current.current = null;
    setInked(hasSignature(strokes.current));
  };

  const clear = () => {
    strokes.current = [];
    current.current = null;
    setInked(false);
    setError(null);
    const ctx = ctxRef.current;
    if (ctx) preparePaper(ctx, size.w, size.h, size.ratio);
  };

  const confirm = async () => {
    if (!hasSignature(strokes.current)) {
      setError(strokes.current.length ? '笔画太少，请在框内写下您的姓名' : '请先在框内手写签名');
      return;
    }
    const canvas = canvasRef.current;
    if (!canvas) {
      setError('签名板未就绪，请稍后重试');
      return;
    }
    setExporting(true);
    try {
      let path: string;
      if (isWeapp()) {
        const tmp = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option);
        path = tmp.tempFilePath;
      } else {
        path = canvas.toDataURL?.('image/png') ?? '';
      }
      if (!path) throw new Error('empty');
      onConfirm(path);
    } catch {
      setError('签名图片生成失败，请重试');
    } finally {
      setExporting(false);
    }
  };

  // ---- H5 / jsdom: the element itself --------------------------------------------------
  const elRef = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (isWeapp() || !elRef.current) return;
    attach(elRef.current as unknown as PadCanvas, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const at = (clientX: number, clientY: number): Point => {
    const rect = elRef.current?.getBoundingClientRect();
    const sx = rect && rect.width ? size.w / rect.width : 1;
    const sy = rect && rect.height ? size.h / rect.height : 1;
    return { x: Math.round((clientX - (rect?.left ?? 0)) * sx * 10) / 10, y: Math.round((clientY - (rect?.top ?? 0)) * sy * 10) / 10 };
  };
  const mouseIgnored = () => Date.now() - lastTouch.current < 800;
  const onMouseDown = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    if (mouseIgnored() || e.button !== 0) return;
    e.preventDefault();
    begin(at(e.clientX, e.clientY));
  };
  const onMouseMove = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    if (!current.current || mouseIgnored()) return;
    extend(at(e.clientX, e.clientY));
  };
  const onTouch = (kind: 'start' | 'move') => (e: ReactTouchEvent<HTMLCanvasElement>) => {
    lastTouch.current = Date.now();
    const t = e.touches[0];
    if (!t) return;
    const p = at(t.clientX, t.clientY);
    if (kind === 'start') begin(p);
    else extend(p);
  };
  const onTouchEnd = () => {
    lastTouch.current = Date.now();
    end();
  };

  // ---- weapp: Taro's Canvas with canvas-relative touches -------------------------------
  const touchPoint = (e: { touches?: ArrayLike<{ x?: number; y?: number }> }): Point | null => {
    const t = e.touches?.[0];
    return t && typeof t.x === 'number' && typeof t.y === 'number' ? { x: t.x, y: t.y } : null;
  };

  const label = '签名区域：请用手指或鼠标在框内书写您的姓名';
  const style = { width: `${size.w}px`, height: `${size.h}px` };
  return (
    <View className='signature-pad'>
      <Text className='field__label'>手写签名</Text>
      <View className='signature-pad__frame' style={style}>
        {isWeapp() ? (
          <Canvas
            type='2d'
            id={canvasId}
            className='signature-pad__canvas'
            style={style}
            disableScroll
            aria-label={label}
            onTouchStart={(e) => {
              const p = touchPoint(e);
              if (p) begin(p);
            }}
            onTouchMove={(e) => {
              const p = touchPoint(e);
              if (p) extend(p);
            }}
            onTouchEnd={() => end()}
            onTouchCancel={() => end()}
          />
        ) : (
          <canvas
            ref={elRef}
            id={canvasId}
            className='signature-pad__canvas'
            width={Math.round(size.w * size.ratio)}
            height={Math.round(size.h * size.ratio)}
            style={{ ...style, touchAction: 'none' }}
            aria-label={label}
            onMouseDown={onMouseDown}
            onMouseMove={onMouseMove}
            onMouseUp={() => end()}
            onMouseLeave={() => current.current && end()}
            onTouchStart={onTouch('start')}
            onTouchMove={onTouch('move')}
            onTouchEnd={onTouchEnd}
            onTouchCancel={onTouchEnd}
          />
        )}
      </View>
      <Text className='text text--small text--muted' aria-live='polite'>
        {inked ? '已签写，可点“确定”使用此签名' : '请在上方框内用正楷书写您的姓名'}
      </Text>
      {error ? (
        <View role='alert'>
          <Text className='field__error'>{error}</Text>
        </View>
      ) : null}
      <View className='actions'>
        <Button className='btn btn--plain' aria-label='清除签名' onClick={clear}>
          清除
        </Button>
        <Button className='btn btn--primary' aria-label='确定签名' disabled={exporting || undefined} loading={exporting || undefined} onClick={() => void confirm()}>
          确定
        </Button>
      </View>
      {onCancel ? (
        <Button className='btn btn--plain btn--small' aria-label='取消签名' onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </View>
  );
}

export default SignaturePad;
