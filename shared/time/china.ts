/**
 * The one date module (DESIGN §6): every "day", "week" and "quarter" is an Asia/Shanghai
 * boundary whatever the server's zone. Instants are stored as Dates; China calendar days
 * as 'YYYY-MM-DD' strings beside them where a rule counts per day.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** A China calendar day, e.g. '2026-11-26'. */
export type ChinaDay = string;

export function chinaDay(instant: Date): ChinaDay {
  return dayjs(instant).tz(CHINA_TZ).format('YYYY-MM-DD');
}

/** A quarter period id in China time, e.g. '2026Q4'. */
export function chinaQuarter(instant: Date): string {
  const local = dayjs(instant).tz(CHINA_TZ);
  return `${local.year()}Q${Math.floor(local.month() / 3) + 1}`;
}

/** The first instant of a China calendar day. */
export function startOfChinaDay(day: ChinaDay): Date {
  return dayjs.tz(day, CHINA_TZ).toDate();
}

/** Human Chinese date-time for display, e.g. '2026-11-26 13:02'. */
export function formatChinaDateTime(instant: Date): string {
  return dayjs(instant).tz(CHINA_TZ).format('YYYY-MM-DD HH:mm');
}

/** The quarter `n` quarters after (negative: before) a quarter id: shiftQuarter('2026Q1', -1) = '2025Q4'. */
export function shiftQuarter(period: string, n: number): string {
  const [year, quarter] = period.split('Q').map(Number);
  const index = year * 4 + (quarter - 1) + n;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** A China calendar month, e.g. '2026-11'. */
export function chinaMonth(instant: Date): string {
  return dayjs(instant).tz(CHINA_TZ).format('YYYY-MM');
}

/** The three China months of a quarter: quarterMonths('2026Q4') = ['2026-10', '2026-11', '2026-12']. */
export function quarterMonths(period: string): string[] {
  const [year, quarter] = period.split('Q').map(Number);
  return [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + i + 1).padStart(2, '0')}`);
}

/** The first instant of a quarter and the first instant of the next one, in China time. */
export function quarterBounds(period: string): { start: Date; end: Date } {
  const first = (p: string) => dayjs.tz(`${quarterMonths(p)[0]}-01`, CHINA_TZ).toDate();
  return { start: first(period), end: first(shiftQuarter(period, 1)) };
}

/** The China day `n` days after (negative: before) a day: shiftDay('2026-03-01', -1) = '2026-02-28'. */
export function shiftDay(day: ChinaDay, n: number): ChinaDay {
  return dayjs.tz(day, CHINA_TZ).add(n, 'day').format('YYYY-MM-DD');
}

/** Days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function daysBetween(from: ChinaDay, to: ChinaDay): number {
  if (to < from) return 0;
  return dayjs.tz(to, CHINA_TZ).diff(dayjs.tz(from, CHINA_TZ), 'day') + 1;
}
