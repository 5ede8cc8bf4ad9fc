/** Rates as a secretary reads them: never 0% when something happened, never 100% when something is missing. */
import fc from 'fast-check';
import { percentOf, percentText, progressPercent, rate, reachedPercent, shareText } from '../../shared/domain/rates';

describe('rates', () => {
  it('keeps the exact ratio: one check-in among 32 members × 63 days is not 0', () => {
    expect(rate(1, 32 * 63)).toBeCloseTo(1 / 2016, 12);
    expect(rate(1, 32 * 63)).toBeGreaterThan(0);
    expect(rate(13, 26)).toBe(0.5);
    expect(rate(0, 0)).toBe(0);
    expect(rate(5, 0)).toBe(0);
    expect(rate(30, 20)).toBe(1);
  });

  it('shows small and nearly full shares truthfully, with counts', () => {
    expect(shareText(1, 2016)).toBe('不足1%');
    expect(shareText(0, 2016)).toBe('0%');
    expect(shareText(1, 150)).toBe('1%');
    expect(shareText(1, 3)).toBe('33%');
    expect(shareText(1999, 2000)).toBe('99%');
    expect(shareText(2000, 2000)).toBe('100%');
    expect(shareText(3, 0)).toBe('—');
    expect(percentText(Number.NaN)).toBe('0%');
  });

  it('reads 0% only for nothing and 100% only for everything, for every count up to 5,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (whole, raw) => {
        const part = raw % (whole + 1);
        const p = percentOf(rate(part, whole));
        expect(p === 0).toBe(part === 0);
        expect(p === 100).toBe(part === whole);
        expect(Math.abs(p - (part / whole) * 100)).toBeLessThan(1.0001);
      }),
    );
  });

  it('lets progress pass its goal, and never shows 0% or 100% early', () => {
    expect(progressPercent(1 / 5000)).toBe(1);
    expect(progressPercent(0.999)).toBe(99);
    expect(progressPercent(1)).toBe(100);
    expect(progressPercent(1.2)).toBe(120);
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('rounds watching down toward its threshold, and shows a start as at least 1%', () => {
    expect(reachedPercent(0.796)).toBe(79);
    expect(reachedPercent(0.455)).toBe(45);
    expect(reachedPercent(0.004)).toBe(1);
    expect(reachedPercent(0)).toBe(0);
    expect(reachedPercent(1)).toBe(100);
  });
});
