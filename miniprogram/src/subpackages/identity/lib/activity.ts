/**
 * 主题党日 helpers shared by the identity pages (a module of its own: a page file keeps only
 * its default export in the weapp build).
 */
import type { ActivityView, ApiError } from '@/services/api';
import { sceneForPage } from '@/lib/scan';

/** 已报名 3/20, or 已报名 3 · 不限人数 when the capacity is 0. */
export function signUpText(a: Pick<ActivityView, 'signedUp' | 'capacity'>): string {
  return a.capacity > 0 ? `已报名 ${a.signedUp}/${a.capacity}` : `已报名 ${a.signedUp} · 不限人数`;
}

/** The caller's own state: 已签到 / 已报名 / 未报名. */
export function myStateText(a: Pick<ActivityView, 'mine'>): string {
  if (a.mine.present) return '已签到';
  if (a.mine.signedUp) return '已报名';
  return '未报名';
}

/** The sign-in token in a scanned activity code, or null for any other code. */
export const activitySceneFromScan = (scan: { path?: string; result?: string }): string | null => sceneForPage(scan, 'activity-signin');

export { isExpiredCode } from '@/lib/scan';
