/** Property tests for ranking and grading (fast-check): ties, quotas, minimum scores, exempt members, sizes 0 and 1. */
import fc from 'fast-check';
import { assignGrades, competitionRanks, DEFAULT_GRADE_POLICY, GRADES, rankBranch, type Grade } from '../../shared/points/ranking';

const scoreArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(60, 70, 85, 85, 90)); // edges and ties
const rowsArb = fc.uniqueArray(fc.record({ memberId: fc.string({ minLength: 1, maxLength: 6 }), score: scoreArb }), {
  selector: (r) => r.memberId,
  maxLength: 60,
});
const order = (g: Grade) => GRADES.indexOf(g);

describe('competition ranking', () => {
  it('ranks 1, 2, 2, 4: a rank is one more than the number of strictly better scores', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ranked = competitionRanks(rows);
        expect(ranked).toHaveLength(rows.length);
        for (const r of ranked) expect(r.rank).toBe(1 + rows.filter((o) => o.score > r.score).length);
      }),
    );
  });

  it('gives the example from the rules', () => {
    const ranked = competitionRanks([
      { memberId: 'a', score: 90 },
      { memberId: 'b', score: 80 },
      { memberId: 'c', score: 80 },
      { memberId: 'd', score: 70 },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe('grading', () => {
  it('keeps grades ordered by score, equal scores equal grades, quotas as ceilings and minimum scores', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const graded = assignGrades(competitionRanks(rows));
        const n = rows.length;
        expect(graded).toHaveLength(n);
        for (const a of graded) {
          for (const b of graded) {
            if (a.score > b.score) expect(order(a.grade)).toBeLessThanOrEqual(order(b.grade));
            if (a.score === b.score) expect(a.grade).toBe(b.grade);
          }
        }
        const count = (g: Grade) => graded.filter((r) => r.grade === g).length;
        expect(count('excellent')).toBeLessThanOrEqual(Math.floor(0.2 * n + 1e-9));
        expect(count('good')).toBeLessThanOrEqual(Math.floor(0.3 * n + 1e-9));
        for (const r of graded) {
          if (r.grade === 'excellent') expect(r.score).toBeGreaterThanOrEqual(85);
          if (r.grade === 'good') expect(r.score).toBeGreaterThanOrEqual(70);
          if (r.grade === 'pass') expect(r.score).toBeGreaterThanOrEqual(60);
          // 较差 only for whoever no band could take: below 60, or squeezed out by quotas and then below 60.
          if (r.grade === 'poor') expect(r.score < 60 || graded.every((o) => o.grade !== 'pass' || o.score >= 60)).toBe(true);
        }
        // Anyone at ≥ 60 is at least 合格: 合格 has no quota.
        for (const r of graded) if (r.score >= 60) expect(order(r.grade)).toBeLessThanOrEqual(order('pass'));
      }),
    );
  });

  it('handles an empty and a one-member branch', () => {
    expect(assignGrades([])).toEqual([]);
    // One member: 20% of 1 rounds down to no 优秀 place, so a perfect score is 合格.
    expect(assignGrades(competitionRanks([{ memberId: 'x', score: 100 }]))[0].grade).toBe('pass');
    expect(assignGrades(competitionRanks([{ memberId: 'x', score: 10 }]))[0].grade).toBe('poor');
  });

  it('gives ten members the default split', () => {
    const rows = [99, 95, 90, 88, 80, 75, 72, 65, 50, 40].map((score, i) => ({ memberId: `m${i}`, score }));
    expect(assignGrades(competitionRanks(rows)).map((r) => r.grade)).toEqual(
      ['excellent', 'excellent', 'good', 'good', 'good', 'pass', 'pass', 'pass', 'poor', 'poor'],
    );
  });

  it('keeps the default policy bands in best-to-worst order', () => {
    expect(DEFAULT_GRADE_POLICY.map((b) => b.grade)).toEqual([...GRADES]);
  });
});

describe('a branch result', () => {
  it('lists exempt members apart and ranks only the others, with capped and blended scores', () => {
    const result = rankBranch([
      { memberId: 'a', exempt: false, mandatory: 80, optional: 40, appraisal: 100 }, // capped to 70+30 → 100
      { memberId: 'b', exempt: false, mandatory: 50, optional: 10, appraisal: null }, // 60, points alone
      { memberId: 'c', exempt: true, mandatory: 5, optional: 0, appraisal: null },
    ]);
    expect(result.exempt).toEqual([{ memberId: 'c', points: 5 }]);
    expect(result.ranked.map((r) => [r.memberId, r.score, r.rank])).toEqual([['a', 100, 1], ['b', 60, 2]]);
  });

  it('never ranks an exempt member, whatever the totals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ memberId: fc.uuid(), exempt: fc.boolean(), mandatory: fc.integer({ min: 0, max: 120 }), optional: fc.integer({ min: 0, max: 60 }), appraisal: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }), { maxLength: 50 }),
        (members) => {
          const result = rankBranch(members);
          expect(result.ranked.length + result.exempt.length).toBe(members.length);
          for (const r of result.ranked) {
            expect(members.find((m) => m.memberId === r.memberId)?.exempt).toBe(false);
            expect(r.score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
