/**
 * The signature as data, pure: strokes of points in the pad's logical pixels. Kept beside the
 * bitmap so that "nothing drawn" is a fact, not a guess from pixels, and so the strokes can be
 * drawn again when a canvas is (re)created.
 */
export interface Point {
  x: number;
  y: number;
}
export type Stroke = Point[];

/** Line width in logical pixels, and the ink colour. */
export const LINE_WIDTH = 4;
export const INK = '#000000';
export const PAPER = '#ffffff';
/** Less ink than this (total stroke length, logical px) is not a signature: a stray tap. */
export const MIN_INK = 12;

export function inkLength(strokes: readonly Stroke[]): number {
  let total = 0;
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++) total += Math.hypot(s[i].x - s[i - 1].x, s[i].y - s[i - 1].y);
  }
  return total;
}

export const hasSignature = (strokes: readonly Stroke[]) => inkLength(strokes) >= MIN_INK;

/** The subset of a 2d context the pad draws with (weapp's and the browser's both have it). */
export interface PadContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  setTransform?(a: number, b: number, c: number, d: number, e: number, f: number): void;
  scale(x: number, y: number): void;
}

export interface PadCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): PadContext | null;
  toDataURL?(type?: string): string;
}

/** White paper of `w`×`h` logical px at `ratio` bitmap px each, ready for black ink. */
export function preparePaper(ctx: PadContext, w: number, h: number, ratio: number): void {
  ctx.setTransform?.(1, 0, 0, 1, 0, 0);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = LINE_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

export function drawSegment(ctx: PadContext, a: Point, b: Point): void {
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
}

export function drawDot(ctx: PadContext, p: Point): void {
  ctx.beginPath();
  ctx.arc(p.x, p.y, LINE_WIDTH / 2, 0, Math.PI * 2);
  ctx.fill();
}

export function drawStrokes(ctx: PadContext, strokes: readonly Stroke[]): void {
  for (const s of strokes) {
    if (s.length === 1) drawDot(ctx, s[0]);
    for (let i = 1; i < s.length; i++) drawSegment(ctx, s[i - 1], s[i]);
  }
}
