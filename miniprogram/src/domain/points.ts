/**
 * Points vocabulary and pure helpers for the pages. Plain data from shared/points (rules.ts and
 * ranking.ts have no zod; ledger.ts does and must never be imported here).
 */
import { CATEGORY_CAPS, POINT_CATEGORIES, RULE_CODES, RULE_LABELS, type PointCategory, type RuleCode } from '../../../shared/points/rules';
import { GRADE_LABELS, type Grade } from '../../../shared/points/ranking';
import type { LedgerEntryView } from '@/services/api';
import { percentOf, rate } from '../../../shared/domain/rates';

export { CATEGORY_CAPS, POINT_CATEGORIES, RULE_CODES, RULE_LABELS, GRADE_LABELS, type PointCategory, type RuleCode, type Grade };

export const POINT_CATEGORY_LABELS: Record<PointCategory, string> = { mandatory: '规定动作', optional: '自选动作' };

export const ENTRY_KIND_LABELS: Record<LedgerEntryView['kind'], string> = { award: '积分', adjustment: '书记加减分', reversal: '冲销' };

/** 3 → "+3", -0.5 → "−0.5" (a real minus sign), 0 → "0". */
export function signedPoints(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return '0';
}

/** "2026Q1" → "2026年第1季度". */
export function periodLabel(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  return m ? `${m[1]}年第${m[2]}季度` : period;
}

/** Today's China calendar day (UTC+8), whatever the phone's zone. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

const dayNumber = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
};

/** First and last China day of a quarter. */
export function quarterBounds(period: string): { first: string; last: string } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const first = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const last = new Date(Date.UTC(year, q * 3, 0));
  return { first: first.toISOString().slice(0, 10), last: last.toISOString().slice(0, 10) };
}

export interface WeekPoints {
  week: number;
  /** First day of the week (quarter-relative weeks: days 1–7 are week 1). */
  from: string;
  points: number;
}

/**
 * Net points per week of the quarter (week 1 = the quarter's first seven days), from the
 * entries (reversals count negative). For the current quarter, weeks after `today` are left out.
 */
export function weeklyPoints(period: string, entries: readonly Pick<LedgerEntryView, 'day' | 'points'>[], today?: string): WeekPoints[] {
  const bounds = quarterBounds(period);
  if (!bounds) return [];
  const start = dayNumber(bounds.first);
  let lastDay = dayNumber(bounds.last);
  if (today && today >= bounds.first && today <= bounds.last) lastDay = dayNumber(today);
  const weeks = Math.floor((lastDay - start) / 7) + 1;
  const out: WeekPoints[] = Array.from({ length: weeks }, (_, i) => ({
    week: i + 1,
    from: new Date((start + i * 7) * 86400000).toISOString().slice(0, 10),
    points: 0,
  }));
  for (const e of entries) {
    const i = Math.floor((dayNumber(e.day) - start) / 7);
    if (i >= 0 && i < out.length) out[i].points = Math.round((out[i].points + e.points) * 2) / 2;
  }
  return out;
}

/** Percentage (0–100) of `value` against `cap`, for progress bars. */
export function percent(value: number, cap: number): number {
  return percentOf(rate(value, cap));
}

/** "每日最多 0.5 分，每季度最多 12 分" or 不设上限. */
export function capText(dailyCap: number | null, periodCap: number | null): string {
  const parts = [dailyCap !== null ? `每日最多 ${dailyCap} 分` : null, periodCap !== null ? `每季度最多 ${periodCap} 分` : null].filter(Boolean);
  return parts.length ? parts.join('，') : '不设上限';
}

/** A request id for points.adjust (matches the contract's recordId: [A-Za-z0-9_-]{1,64}). */
export function newRequestId(): string {
  return `adj-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
