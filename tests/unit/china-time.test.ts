import { chinaDay, chinaQuarter, startOfChinaDay } from '../../shared/time/china';

describe('China-time dates', () => {
  it('puts 23:59 and 00:01 China time on two different days', () => {
    expect(chinaDay(new Date('2026-11-26T15:59:00Z'))).toBe('2026-11-26'); // 23:59 in Shanghai
    expect(chinaDay(new Date('2026-11-26T16:01:00Z'))).toBe('2026-11-27'); // 00:01 next day
  });

  it('cuts quarters at China midnight', () => {
    expect(chinaQuarter(new Date('2026-09-30T15:59:59Z'))).toBe('2026Q3');
    expect(chinaQuarter(new Date('2026-09-30T16:00:00Z'))).toBe('2026Q4');
  });

  it('gives the first instant of a China day', () => {
    expect(startOfChinaDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});

describe('shiftQuarter', () => {
  it('moves across years both ways', () => {
    const { shiftQuarter } = jest.requireActual('../../shared/time/china') as typeof import('../../shared/time/china');
    expect(shiftQuarter('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarter('2025Q4', 1)).toBe('2026Q1');
    expect(shiftQuarter('2026Q3', -6)).toBe('2025Q1');
  });
});
