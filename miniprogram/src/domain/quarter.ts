/**
 * Quarter result, 民主评议 and 三单 vocabulary for the pages. Plain data only: appraisal.ts and
 * ranking.ts have no zod; the rectification status labels are restated here because
 * shared/api/actions/rectification.ts imports zod.
 */
import { APPRAISAL_RATINGS, APPRAISAL_RATING_LABELS, type AppraisalRating } from '../../../shared/points/appraisal';
import { GRADES, GRADE_LABELS, type Grade } from '../../../shared/points/ranking';
import type { ActionOutput } from '@/services/api';
import { chinaToday } from './points';

export { APPRAISAL_RATINGS, APPRAISAL_RATING_LABELS, GRADES, GRADE_LABELS, type AppraisalRating, type Grade };

export type Rectification = ActionOutput<'rectification.mine'>['items'][number];
export type RectificationAction = Rectification['actions'][number];
export type ActionStatus = RectificationAction['status'];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: '待整改',
  answered: '已提交，待核验',
  verified: '已核验',
  returned: '已退回，需重新整改',
};

export const PERIOD_STATE_LABELS: Record<ActionOutput<'quarter.status'>['state'], string> = {
  open: '进行中',
  closed: '已关闭，待发布',
  published: '已发布',
};

/** The quarter a China calendar day falls in: "2026-05-03" → "2026Q2". */
export function periodOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

export function currentPeriod(today = chinaToday()): string {
  return periodOf(today);
}

/** "2026Q1" → "2025Q4". */
export function previousPeriod(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) return period;
  const y = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

export function isPeriod(value: string | undefined): value is string {
  return Boolean(value && /^\d{4}Q[1-4]$/.test(value));
}

/** Items the member still has to answer: open or returned. */
export function toAnswer(items: readonly Rectification[]): RectificationAction[] {
  return items.filter((r) => r.state === 'open').flatMap((r) => r.actions.filter((a) => a.status === 'open' || a.status === 'returned'));
}

/** A `?period=` query value, or null when absent or malformed. */
export function decodePeriod(value: string | undefined): string | null {
  if (!value) return null;
  let v = value;
  try {
    v = decodeURIComponent(value);
  } catch {
    // keep as is
  }
  v = v.trim().toUpperCase();
  return isPeriod(v) ? v : null;
}
