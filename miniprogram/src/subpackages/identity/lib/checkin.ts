/**
 * 徽章打卡 helpers (a module of its own: a page file keeps only its default export in the
 * weapp build). China calendar days and months as `YYYY-MM-DD` / `YYYY-MM` strings.
 */

/** One cell of the month calendar: a day of the month, or a blank before the 1st / after the last. */
export type CalendarCell = { day: string; date: number } | null;

/** "2026-11" shifted by `delta` months: ("2026-01", -1) → "2025-12". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** "2026-11" → "2026年11月". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The weeks of a month, Monday first (as Chinese calendars are), blanks padding the first and last week. */
export function monthWeeks(month: string): CalendarCell[][] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // getUTCDay: 0 = Sunday; Monday-first offset.
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells: CalendarCell[] = Array.from({ length: lead }, () => null);
  for (let date = 1; date <= days; date++) cells.push({ day: `${month}-${String(date).padStart(2, '0')}`, date });
  while (cells.length % 7) cells.push(null);
  const weeks: CalendarCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** The storage folder of a member's check-in photos (the server accepts only this one). */
export function checkinFolder(memberId: string): string {
  return `checkins/${memberId}`;
}
