/** Badge check-in arithmetic on China days: the streak and the days a period's rate counts (the rate itself: domain/rates.ts). */
import { daysBetween, shiftDay, type ChinaDay } from '../time/china';

/**
 * Consecutive days checked in, ending today — or yesterday while today is still open, so a
 * streak is not shown as broken in the morning before the member checks in.
 */
export function streak(days: Iterable<ChinaDay>, today: ChinaDay): number {
  const set = new Set(days);
  let day = set.has(today) ? today : shiftDay(today, -1);
  let count = 0;
  while (set.has(day)) {
    count += 1;
    day = shiftDay(day, -1);
  }
  return count;
}

/** The days of a period that count: up to today, never the future. */
export function countedDays(from: ChinaDay, to: ChinaDay, today: ChinaDay): number {
  return daysBetween(from, to < today ? to : today);
}
