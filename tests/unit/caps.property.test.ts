import fc from 'fast-check';
import { grantable } from '../../shared/points/caps';
import { DEFAULT_RULES, ruleInForce, type Rule } from '../../shared/points/rules';

describe('caps', () => {
  it('never lets a sequence of awards exceed the daily or period cap of a rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_RULES), fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 })), { maxLength: 80 }), (rule, events) => {
        const byDay = new Map<number, number>();
        let period = 0;
        for (const [day, quantity] of events) {
          const today = byDay.get(day) ?? 0;
          const points = grantable(rule, { today, period }, quantity);
          expect(points).toBeGreaterThanOrEqual(0);
          byDay.set(day, today + points);
          period += points;
          if (rule.dailyCap !== undefined) expect(today + points).toBeLessThanOrEqual(rule.dailyCap);
          if (rule.periodCap !== undefined) expect(period).toBeLessThanOrEqual(rule.periodCap);
        }
      }),
    );
  });

  it('gives a badge check-in half a point once a day', () => {
    const checkin = DEFAULT_RULES.find((r) => r.code === 'badgeCheckin')!;
    expect(grantable(checkin, { today: 0, period: 10 })).toBe(0.5);
    expect(grantable(checkin, { today: 0.5, period: 10 })).toBe(0);
  });

  it('uses the version of a rule in force on the day', () => {
    const v2: Rule = { ...DEFAULT_RULES[0], points: 4, version: 2, effectiveFrom: '2026-10-01' };
    const rules = [...DEFAULT_RULES, v2];
    expect(ruleInForce(rules, 'meetingAttended', '2026-09-30')?.points).toBe(3);
    expect(ruleInForce(rules, 'meetingAttended', '2026-10-01')?.points).toBe(4);
    expect(ruleInForce(rules, 'meetingAttended', '2019-12-31')).toBeNull();
  });
});
