/** The size check fails a figure that grows more than 10% over the committed baseline, or has none. */
import { readFileSync } from 'node:fs';
import { BASELINE_FILE, regressions, TOLERANCE } from '../../scripts/check-size';

describe('size regressions against the baseline', () => {
  it('allows growth up to the tolerance and refuses more', () => {
    expect(TOLERANCE).toBe(0.1);
    expect(regressions({ 'weapp:main': 110_000 }, { 'weapp:main': 100_000 })).toEqual([]);
    const over = regressions({ 'weapp:main': 110_001 }, { 'weapp:main': 100_000 });
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/weapp:main: .* over the baseline/);
  });

  it('refuses a figure with no baseline, and ignores baseline entries not measured this time', () => {
    expect(regressions({ 'function:new': 1 }, {})[0]).toMatch(/no baseline/);
    expect(regressions({}, { h5: 1 })).toEqual([]);
  });

  it('has a committed baseline for the weapp packages, the H5 bundle and every function', () => {
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, number>;
    expect(Object.keys(baseline)).toEqual(expect.arrayContaining(['weapp:main', 'h5', 'function:lesson', 'function:task']));
  });
});
