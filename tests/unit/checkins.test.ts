/** Streaks and rates on China days, across month and year ends. */
import { countedDays, streak } from '../../shared/identity/checkins';
import { rate } from '../../shared/domain/rates';
import { daysBetween, shiftDay } from '../../shared/time/china';

describe('check-in arithmetic', () => {
  it('counts a streak ending today, or yesterday while today is open', () => {
    expect(streak(['2026-11-24', '2026-11-25', '2026-11-26'], '2026-11-26')).toBe(3);
    expect(streak(['2026-11-24', '2026-11-25'], '2026-11-26')).toBe(2);
    expect(streak(['2026-11-23', '2026-11-25'], '2026-11-26')).toBe(1);
    expect(streak(['2026-11-20'], '2026-11-26')).toBe(0);
    expect(streak(['2025-12-31', '2026-01-01'], '2026-01-01')).toBe(2);
  });

  it('shifts and counts China days across month, leap and year ends', () => {
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-10-01', '2026-12-31')).toBe(92);
    expect(daysBetween('2026-11-02', '2026-11-01')).toBe(0);
  });

  it('never counts future days of a period', () => {
    expect(countedDays('2026-11-01', '2026-11-30', '2026-11-26')).toBe(26);
    expect(countedDays('2026-10-01', '2026-10-31', '2026-11-26')).toBe(31);
    expect(rate(13, 26)).toBe(0.5);
    expect(rate(0, 0)).toBe(0);
  });
});
