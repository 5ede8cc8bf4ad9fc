/**
 * The 承诺书 drawn on a canvas from `layoutLetter`, with 保存图片: weapp → canvasToTempFilePath +
 * saveImageToPhotosAlbum (a refused album permission explains itself and offers 去设置); H5 →
 * toDataURL and an `<a download>` link.
 *
 * weapp: Taro Canvas type 2d, node from createSelectorQuery, the signature loaded with
 * `canvas.createImage()`. H5 (and jsdom): a plain <canvas> (Taro H5's Canvas resets its bitmap
 * to the element's CSS size when it renders), the signature loaded with `new Image()`. The
 * bitmap is sized here, never by React, so a re-render cannot wipe it. Not a page module.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Canvas, Text, View } from '@tarojs/components';
import { canvasMeasure, loadImages, type LoadedImages, type PosterCanvas, type PosterContext, type PosterImageElement } from '@/components/Poster';
import type { DrawCommand } from '@/components/Poster/layout';
import { toast } from '@/lib/confirm';
import { LETTER_WIDTH, layoutLetter, type LetterContent, type LetterLayout } from '../lib/letter';
import './letter.css';

interface SizedImage extends PosterImageElement {
  width?: number;
  height?: number;
  naturalWidth?: number;
  naturalHeight?: number;
}

/** Replays the commands on a context scaled to logical pixels; images keep their aspect in their box. */
export function drawLetter(ctx: PosterContext, commands: readonly DrawCommand[], images: LoadedImages): void {
  ctx.textBaseline = 'top';
  for (const c of commands) {
    if (c.kind === 'rect') {
      ctx.fillStyle = c.color;
      ctx.fillRect(c.x, c.y, c.w, c.h);
    } else if (c.kind === 'image') {
      const image = images.get(c.src) as SizedImage | undefined;
      if (!image || !ctx.drawImage) continue;
      const iw = image.naturalWidth || image.width || c.w;
      const ih = image.naturalHeight || image.height || c.h;
      const k = Math.min(c.w / iw, c.h / ih);
      const w = iw * k;
      const h = ih * k;
      ctx.drawImage(image, c.x + (c.w - w) / 2, c.y + (c.h - h) / 2, w, h);
    } else {
      ctx.fillStyle = c.color;
      ctx.font = c.font;
      ctx.textAlign = c.align;
      ctx.fillText(c.text, c.x, c.y);
    }
  }
}

function windowInfo(): { pixelRatio?: number; windowWidth?: number } | null {
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

function displayWidth(): number {
  const w = windowInfo()?.windowWidth;
  return w && w > 0 ? Math.min(480, w - 48) : 320;
}

function bitmapScale(display: number): number {
  const r = windowInfo()?.pixelRatio;
  const ratio = r && r > 0 ? Math.min(r, 3) : 2;
  // At least one bitmap pixel per logical pixel (750 wide), at most two.
  return Math.min(2, Math.max(1, (display * ratio) / LETTER_WIDTH));
}

function queryNode(id: string): Promise<PosterCanvas | null> {
  return new Promise((resolve) => {
    try {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true }, (res: { node?: unknown } | null) => {
          const node = (res?.node ?? null) as PosterCanvas | null;
          resolve(node && typeof node.getContext === 'function' ? node : null);
        })
        .exec();
    } catch {
      resolve(null);
    }
  });
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';
const isAuthDenied = (e: unknown) => /auth|deny|denied|permission|authorize/i.test(String((e as { errMsg?: string })?.errMsg ?? e));

async function saveToAlbum(canvas: PosterCanvas): Promise<void> {
  let filePath: string;
  try {
    const tmp = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as Taro.canvasToTempFilePath.Option);
    filePath = tmp.tempFilePath;
  } catch {
    toast('图片生成失败，请重试');
    return;
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    toast('承诺书已保存到相册', 'success');
  } catch (e) {
    if (!isAuthDenied(e)) {
      toast('保存失败，请重试');
      return;
    }
    const res = await Taro.showModal({
      title: '需要相册权限',
      content: '保存承诺书需要“添加到相册”的权限。请点“去设置”打开该权限后，再点保存图片。',
      confirmText: '去设置',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }));
    if (res.confirm) await Taro.openSetting().catch(() => undefined);
  }
}

export function LetterCanvas({ canvasId, content, fileName }: { canvasId: string; content: LetterContent; fileName: string }) {
  const display = useMemo(displayWidth, []);
  const scale = useMemo(() => bitmapScale(display), [display]);
  const elRef = useRef<HTMLCanvasElement | null>(null);
  const canvasRef = useRef<PosterCanvas | null>(null);
  const [layout, setLayout] = useState<LetterLayout>(() => layoutLetter(content));
  const [state, setState] = useState<'drawing' | 'ready' | 'failed'>('drawing');
  const [saving, setSaving] = useState(false);
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const key = JSON.stringify(content);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState('drawing');
    setDataUrl(null);
    const paint = async (canvas: PosterCanvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return setState('failed');
      const l = layoutLetter(content, canvasMeasure(ctx));
      const sources = [...new Set(l.commands.flatMap((c) => (c.kind === 'image' ? [c.src] : [])))];
      const images = await loadImages(canvas, sources);
      if (!alive) return;
      if (!images) return setState('failed');
      canvas.width = Math.round(LETTER_WIDTH * scale);
      canvas.height = Math.round(l.height * scale);
      ctx.setTransform?.(1, 0, 0, 1, 0, 0);
      ctx.scale(scale, scale);
      drawLetter(ctx, l.commands, images);
      canvasRef.current = canvas;
      setLayout(l);
      setState('ready');
    };
    const attempt = async (n: number) => {
      const canvas = isWeapp() ? await queryNode(canvasId) : (elRef.current as unknown as PosterCanvas | null);
      if (!alive) return;
      if (canvas) {
        try {
          await paint(canvas);
        } catch {
          if (alive) setState('failed');
        }
      } else if (n < 20) timer = setTimeout(() => void attempt(n + 1), 150);
      else setState('failed');
    };
    void attempt(0);
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvasId, key, scale]);

  const save = async () => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    if (isWeapp()) {
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
      toast('图片生成失败，请重试');
    }
  };

  const style = { width: `${display}px`, height: `${Math.round((display * layout.height) / LETTER_WIDTH)}px` };
  const label = `承诺书：${content.name}，${content.year}年度${content.signedOn ? '，已签署' : '，未签署'}`;
  return (
    <View className='letter'>
      {isWeapp() ? (
        <Canvas type='2d' id={canvasId} className='letter__canvas' style={style} aria-label={label} />
      ) : (
        <canvas ref={elRef} id={canvasId} className='letter__canvas' style={style} aria-label={label} />
      )}
      {state === 'drawing' ? <Text className='text text--small text--muted'>正在生成承诺书…</Text> : null}
      {state === 'failed' ? (
        <View role='alert'>
          <Text className='text overdue'>承诺书图片生成失败，请稍后重试。</Text>
        </View>
      ) : null}
      <Button
        className='btn btn--primary'
        aria-label='保存承诺书图片'
        disabled={state !== 'ready' || saving || undefined}
        loading={saving || undefined}
        onClick={() => void save()}
      >
        保存图片
      </Button>
      {dataUrl ? (
        <a className='btn btn--plain link-download' href={dataUrl} download={fileName} aria-label={`下载承诺书 ${fileName}`}>
          下载承诺书
        </a>
      ) : null}
      {isWeapp() ? <Text className='text text--small text--muted'>保存到相册后，可在微信里发送或打印。</Text> : null}
    </View>
  );
}
