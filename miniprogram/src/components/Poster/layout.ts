/**
 * The poster's layout, pure: content + width + a text measure → drawing commands. No canvas
 * here, so it runs (and is tested) anywhere; components/Poster replays the commands on a
 * Taro Canvas 2d context. Coordinates are logical pixels (750 wide); text `y` is its top
 * (textBaseline 'top').
 */

export type PosterRow = readonly [label: string, value: string];

export interface PosterContent {
  /** The branch's name, in the red header band. */
  branchName: string;
  title: string;
  subtitle?: string;
  rows: readonly PosterRow[];
  /** e.g. 同心 · 党支部工作平台 */
  footer?: string;
  /** e.g. 2026-11-26 */
  date?: string;
  /**
   * An image after the rows, centred on a white quiet zone (a QR code): `size` logical px
   * square, with an optional caption under it (e.g. 扫码学习微型党课).
   */
  image?: PosterImage;
}

export interface PosterImage {
  src: string;
  size: number;
  caption?: string;
  /** Read aloud / tested: what the image is, e.g. 二维码. */
  label?: string;
}

/** Width of `text` drawn in `font` (a CSS font string), in logical pixels. */
export type Measure = (text: string, font: string) => number;

export type DrawCommand =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'text'; text: string; x: number; y: number; font: string; size: number; color: string; align: 'left' | 'center' | 'right' }
  /** A loaded image drawn into the box; drawn without smoothing so a QR code stays crisp. */
  | { kind: 'image'; src: string; x: number; y: number; w: number; h: number };

export interface PosterLayout {
  width: number;
  height: number;
  commands: DrawCommand[];
  /** Vertical extent of each row (for tests and hit checks). */
  rowBoxes: { top: number; bottom: number }[];
}

export const POSTER_WIDTH = 750;
export const POSTER_MIN_HEIGHT = 1200;
export const FONT_FAMILY = 'sans-serif';
const RED = '#c8161d';
const GOLD = '#ffe7a3';
const INK = '#1f1f1f';
const MUTED = '#4a4a4a';
const RULE = '#ead7d7';

export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/**
 * Greedy wrap to `maxWidth`, character by character (Chinese has no spaces); explicit line
 * breaks are kept. A single character wider than the width still gets its own line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, f: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const ch of Array.from(para)) {
      const next = line + ch;
      if (line && measure(next, f) > maxWidth) {
        out.push(line.trimEnd());
        line = ch.trim() ? ch : '';
      } else {
        line = next;
      }
    }
    out.push(line);
  }
  return out;
}

/** A rough measure for when no canvas is at hand: CJK full width, the rest about half. */
export const approxMeasure: Measure = (text, f) => {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(f)?.[1] ?? 16);
  let w = 0;
  for (const ch of Array.from(text)) w += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55;
  return w;
};

export function layoutPoster(content: PosterContent, width: number = POSTER_WIDTH, measure: Measure = approxMeasure): PosterLayout {
  const commands: DrawCommand[] = [];
  const pad = Math.round(width * 0.064); // 48 at 750
  const inner = width - pad * 2;
  const text = (t: string, x: number, y: number, size: number, color: string, bold = false, align: 'left' | 'center' | 'right' = 'left') =>
    commands.push({ kind: 'text', text: t, x, y, font: font(size, bold), size, color, align });
  const block = (t: string, y: number, size: number, color: string, bold: boolean, maxWidth: number, x = pad, align: 'left' | 'center' = 'left') => {
    const lh = Math.round(size * 1.45);
    const lines = wrapText(t, maxWidth, measure, font(size, bold));
    lines.forEach((l, i) => text(l, align === 'center' ? width / 2 : x, y + i * lh, size, color, bold, align));
    return y + lines.length * lh;
  };

  // Header band: branch name, then the title, centred, in the band.
  const headerCmd: DrawCommand = { kind: 'rect', x: 0, y: 0, w: width, h: 0, color: RED };
  commands.push(headerCmd);
  let y = pad;
  y = block(content.branchName, y, 30, GOLD, false, inner, pad, 'center') + 16;
  y = block(content.title, y, 48, '#ffffff', true, inner, pad, 'center');
  y += pad;
  headerCmd.h = y;
  commands.push({ kind: 'rect', x: 0, y, w: width, h: 8, color: GOLD });
  y += 8 + pad;

  if (content.subtitle) y = block(content.subtitle, y, 28, MUTED, false, inner) + 24;

  // Rows: the label in a left column, the value beside it; both wrap in their column.
  const labelW = Math.round(inner * 0.34);
  const gap = 24;
  const valueX = pad + labelW + gap;
  const valueW = inner - labelW - gap;
  const rowBoxes: { top: number; bottom: number }[] = [];
  for (const [label, value] of content.rows) {
    const top = y;
    const rowPad = 18;
    const a = block(label, top + rowPad, 32, INK, true, labelW);
    const b = block(value, top + rowPad, 30, INK, false, valueW, valueX);
    const bottom = Math.max(a, b) + rowPad;
    commands.push({ kind: 'rect', x: pad, y: bottom, w: inner, h: 2, color: RULE });
    rowBoxes.push({ top, bottom: bottom + 2 });
    y = bottom + 2;
  }

  // The image (a QR code): a thin frame, a white quiet zone, the image, its caption.
  if (content.image) {
    const quiet = 24;
    const size = Math.min(content.image.size, inner - quiet * 2 - 4);
    const frame = size + quiet * 2;
    const fx = Math.round((width - frame) / 2);
    y += 40;
    commands.push({ kind: 'rect', x: fx - 2, y: y - 2, w: frame + 4, h: frame + 4, color: RULE });
    commands.push({ kind: 'rect', x: fx, y, w: frame, h: frame, color: '#ffffff' });
    commands.push({ kind: 'image', src: content.image.src, x: fx + quiet, y: y + quiet, w: size, h: size });
    y += frame + 2 + 20;
    if (content.image.caption) y = block(content.image.caption, y, 34, RED, true, inner, pad, 'center');
  }

  // Footer at the bottom: at least the minimum height, further down when the rows need it.
  const footerH = 24 + 40 + 12 + 34 + pad;
  const height = Math.max(POSTER_MIN_HEIGHT, y + 48 + footerH);
  let fy = height - footerH + 24;
  commands.push({ kind: 'rect', x: pad, y: fy - 24, w: inner, h: 2, color: RED });
  if (content.footer) text(content.footer, width / 2, fy, 28, RED, true, 'center');
  fy += 40 + 12;
  if (content.date) text(content.date, width / 2, fy, 24, MUTED, false, 'center');

  // Background first.
  commands.unshift({ kind: 'rect', x: 0, y: 0, w: width, h: height, color: '#ffffff' });
  return { width, height, commands, rowBoxes };
}
