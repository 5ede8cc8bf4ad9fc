/**
 * Rates as people read them (打卡率, 完成率, 阅读率, 签署率, 参与率, 进度): one rule for the
 * server's figures and every page's text. A rate is the exact ratio of counts, never rounded
 * on the server; a page shows it as a whole percent, except that something above nothing never
 * reads "0%" and something short of the whole never reads "100%". A secretary told "0%" when
 * members did check in is told something false. Pages show the counts beside the percentage.
 * Plain code with no imports: the mini-program bundles it.
 */

/** `part` of `whole` in 0–1 (0 with nothing to count); a share never passes 1. */
export function rate(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(1, part / whole);
}

/** A share (0–1) as a whole percent: 0 only for nothing, 100 only for all, else 1–99. */
export function percentOf(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  if (share >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(share * 100)));
}

/** A share as text: "0%", "不足1%" below half a percent, "37%", "99%" just short of all, "100%". */
export function percentText(share: number): string {
  if (Number.isFinite(share) && share > 0 && share < 0.005) return '不足1%';
  return `${percentOf(share)}%`;
}

/** `part / whole` as text, "—" when there is no whole to count against. */
export function shareText(part: number, whole: number): string {
  return whole > 0 ? percentText(rate(part, whole)) : '—';
}

/**
 * Progress against a goal, which may pass it (a squad at 120% of its target): a whole percent,
 * at least 1 once anything is done, 99 at most until the goal is reached.
 */
export function progressPercent(progress: number): number {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  if (progress < 1) return percentOf(progress);
  return Math.round(progress * 100);
}

/**
 * How far toward a threshold (a lesson counts at 80% watched): rounded down, so 79.6% never
 * reads as the 80% that completes it; at least 1 once started, 100 only when whole.
 */
export function reachedPercent(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  if (share >= 1) return 100;
  return Math.max(1, Math.floor(share * 100));
}
