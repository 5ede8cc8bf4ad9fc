/**
 * The 承诺书 (pledge letter) as an image, laid out pure: content + a text measure → drawing
 * commands (the poster's command kinds and its wrapText/font), 750 logical px wide. The page's
 * canvas replays them (subpackages/identity/components/LetterCanvas). Text `y` is its top.
 */
import { approxMeasure, font, wrapText, type DrawCommand, type Measure } from '@/components/Poster/layout';
import type { PledgeView } from '@/services/api';
import { PLEDGE_PARTS, partHeading } from './pledge';

export const LETTER_WIDTH = 750;
export const LETTER_MIN_HEIGHT = 1100;
/** The box the signature image is fitted into (aspect kept). */
export const SIGNATURE_BOX = { w: 280, h: 130 } as const;

const RED = '#c8161d';
const GOLD = '#ffe7a3';
const INK = '#1f1f1f';
const MUTED = '#4a4a4a';
const RULE = '#ead7d7';

export interface LetterItem {
  text: string;
  measure: string;
}
export interface LetterContent {
  branchName: string;
  year: number;
  name: string;
  group: string | null;
  parts: ReadonlyArray<{ heading: string; items: readonly LetterItem[] }>;
  /** A displayable URL of the signature image; null before signing. */
  signatureUrl: string | null;
  /** China calendar day it was signed, `2026-03-01`; null before signing. */
  signedOn: string | null;
}

export interface LetterLayout {
  width: number;
  height: number;
  commands: DrawCommand[];
}

/** "2026-03-01" → "2026年3月1日". */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** The letter's content from a pledge and the branch's name. */
export function letterContent(pledge: PledgeView, branchName: string, signedOn: string | null): LetterContent {
  return {
    branchName,
    year: pledge.year,
    name: pledge.member.name,
    group: pledge.member.group,
    parts: PLEDGE_PARTS.map((p) => ({ heading: partHeading(p), items: pledge.parts[p].map((i) => ({ text: i.text, measure: i.measure })) })),
    signatureUrl: pledge.signatureUrl,
    signedOn,
  };
}

export function layoutLetter(content: LetterContent, measure: Measure = approxMeasure): LetterLayout {
  const width = LETTER_WIDTH;
  const commands: DrawCommand[] = [];
  const pad = 56;
  const inner = width - pad * 2;
  const text = (t: string, x: number, y: number, size: number, color: string, bold = false, align: 'left' | 'center' | 'right' = 'left') =>
    commands.push({ kind: 'text', text: t, x, y, font: font(size, bold), size, color, align });
  const block = (t: string, y: number, size: number, color: string, bold: boolean, maxWidth: number, x = pad, align: 'left' | 'center' = 'left') => {
    const lh = Math.round(size * 1.5);
    const lines = wrapText(t, maxWidth, measure, font(size, bold));
    lines.forEach((l, i) => text(l, align === 'center' ? width / 2 : x, y + i * lh, size, color, bold, align));
    return y + lines.length * lh;
  };

  // Paper, then the red header: branch, title, year.
  const paper: DrawCommand = { kind: 'rect', x: 0, y: 0, w: width, h: 0, color: '#ffffff' };
  commands.push(paper);
  const header: DrawCommand = { kind: 'rect', x: 0, y: 0, w: width, h: 0, color: RED };
  commands.push(header);
  let y = 44;
  y = block(content.branchName, y, 28, GOLD, false, inner, pad, 'center') + 12;
  y = block('党员承诺书', y, 52, '#ffffff', true, inner, pad, 'center') + 8;
  y = block(`${content.year}年度`, y, 28, GOLD, false, inner, pad, 'center') + 36;
  header.h = y;
  commands.push({ kind: 'rect', x: 0, y, w: width, h: 8, color: GOLD });
  y += 8 + 40;

  // Who makes the pledge.
  y = block(`承诺人：${content.name}`, y, 30, INK, true, inner) + 6;
  y = block(`党小组：${content.group ?? '未编入党小组'}`, y, 28, MUTED, false, inner) + 20;
  y = block('作为一名共产党员，我郑重承诺以下事项，自觉接受组织和党员群众的监督：', y, 28, INK, false, inner) + 24;

  // The three parts, each item numbered with its measure beneath.
  for (const part of content.parts) {
    y = block(part.heading, y, 32, RED, true, inner) + 10;
    if (part.items.length === 0) y = block('（未填写）', y, 28, MUTED, false, inner) + 10;
    part.items.forEach((item, i) => {
      const num = `${i + 1}. `;
      const indent = Math.ceil(measure(num, font(28))) + 2;
      text(num, pad, y, 28, INK);
      y = block(item.text, y, 28, INK, false, inner - indent, pad + indent) + 4;
      y = block(`衡量标准：${item.measure}`, y, 24, MUTED, false, inner - indent, pad + indent) + 14;
    });
    commands.push({ kind: 'rect', x: pad, y: y + 4, w: inner, h: 2, color: RULE });
    y += 30;
  }

  // Signature block, on the right: 承诺人（签名）, the image, the date.
  y += 20;
  const right = width - pad;
  const boxX = right - SIGNATURE_BOX.w;
  text('承诺人（签名）：', boxX - 12, y + SIGNATURE_BOX.h / 2 - 15, 28, INK, false, 'right');
  if (content.signatureUrl) {
    commands.push({ kind: 'image', src: content.signatureUrl, x: boxX, y, w: SIGNATURE_BOX.w, h: SIGNATURE_BOX.h });
  } else {
    text('（未签署）', right, y + SIGNATURE_BOX.h / 2 - 15, 28, MUTED, false, 'right');
  }
  y += SIGNATURE_BOX.h + 16;
  text(content.signedOn ? chineseDate(content.signedOn) : '____年__月__日', right, y, 28, INK, false, 'right');
  y += 42 + 40;

  // Footer.
  commands.push({ kind: 'rect', x: pad, y, w: inner, h: 2, color: RULE });
  y += 20;
  text('同心 · 党支部工作平台', width / 2, y, 24, MUTED, false, 'center');
  y += 36 + pad;

  const height = Math.max(LETTER_MIN_HEIGHT, y);
  paper.h = height;
  return { width, height, commands };
}
