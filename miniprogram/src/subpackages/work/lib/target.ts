/** 业务目标 (突击队) helpers: progress in percent and the chart's points (plain functions, no I/O). */
import type { TargetView } from '@/services/api';

/** Progress as a whole percent (may pass 100): 0.4567 → 46; the rule is domain/rates.ts. */
export { progressPercent } from '../../../../../shared/domain/rates';

export interface ChartPoint {
  id: string;
  on: string;
  /** MM-DD for the axis. */
  label: string;
  value: number;
  /** Height of the bar in px, against the larger of the goal and the highest value. */
  height: number;
}

export const CHART_HEIGHT = 200;

/** The entries in date order as chart points (cumulative values). */
export function chartPoints(t: Pick<TargetView, 'goal' | 'entries'>, height = CHART_HEIGHT): ChartPoint[] {
  const entries = [...t.entries].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const top = Math.max(t.goal, ...entries.map((e) => e.value), 1);
  return entries.map((e) => ({ id: e.id, on: e.on, label: e.on.slice(5), value: e.value, height: Math.round((e.value / top) * height) }));
}

/** Where the goal line sits on the same scale (px from the bottom). */
export function goalHeight(t: Pick<TargetView, 'goal' | 'entries'>, height = CHART_HEIGHT): number {
  const top = Math.max(t.goal, ...t.entries.map((e) => e.value), 1);
  return Math.round((t.goal / top) * height);
}

/** A typed number: digits with an optional decimal part; null when it is not one. */
export function parseAmount(text: string): number | null {
  const s = text.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A day kept inside the target's period (the server refuses days outside it). */
export function clampDay(day: string, first: string, last: string): string {
  return day < first ? first : day > last ? last : day;
}
