/**
 * The demo's previous quarter (issue #16), seeded as `npm start` seeds it: 民主评议 held and
 * closed in every branch, the quarter itself left open; closed by each branch's secretary, its
 * preview looks like a real branch's finished quarter, not 30 of 30 graded 较差.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { testTarget } from '../support/target';
import { seedDemo } from '../../scripts/seed';
import { demoData, demoOpenid } from '../../scripts/seed/demo';
import { COLLECTIONS } from '../../shared/db/collections';
import type { MemberDoc } from '../../shared/domain/org';
import { EXEMPT_CATEGORIES } from '../../shared/domain/vocabulary';
import { chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';

/**
 * The seed's "now", so "the previous quarter" is one quarter however long the seed takes. The
 * functions' clock runs (the demo's meetings and activities are placed from the real time, as
 * under `npm start`); closing P stays allowed when it crosses into the next quarter.
 */
const START = new Date();
const P = shiftQuarter(chinaQuarter(START), -1);
const MEMBERS = demoData()[COLLECTIONS.members] as unknown as MemberDoc[];
const BRANCHES = ['b-netops', 'b-market'] as const;

interface Row { memberId: string; rank: number; score: number; grade: string; appraisal: number | null; points: number }

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ seed: false });
  // The whole demo, through the functions, as a fresh `npm start` makes it.
  await seedDemo(stack.origin, { now: START, ...(testTarget().kind === 'cloud' ? { admin: stack.app } : {}) });
}, 300_000);
afterAll(() => stack?.stop());

describe.each(BRANCHES)('the demo quarter before this one in %s', (branchId) => {
  const branch = MEMBERS.filter((m) => m.branchId === branchId);
  const secretary = demoOpenid(branch.find((m) => m.roles.includes('secretary'))!._id);
  const ranked = branch.filter((m) => !EXEMPT_CATEGORIES.has(m.category));

  it('had its 民主评议: opened, voted by most members, closed with a result for each; the quarter left open', async () => {
    const status = data<{ state: string; publishedVersion: number | null; appraisal: { state: string; ballots: number; voters: number } | null }>(await as(stack, secretary, 'quarter.status', { period: P }));
    expect(status).toMatchObject({ state: 'open', publishedVersion: null, appraisal: { state: 'closed', voters: branch.length } });
    expect(status.appraisal!.ballots).toBeGreaterThanOrEqual(Math.ceil(branch.length * 0.8));
    expect(status.appraisal!.ballots).toBeLessThanOrEqual(branch.length);
    const rounds = (await stack.state())[COLLECTIONS.appraisals] as Array<{ _id: string; results: Record<string, number> | null }>;
    const round = rounds.find((r) => r._id === `${branchId}_${P}`);
    expect(Object.keys(round?.results ?? {}).sort()).toEqual(branch.map((m) => m._id).sort());
  });

  it('closes, as its secretary, to a realistic preview', async () => {
    const closed = data<{ preview: Row[]; warnings?: Array<{ code: string }> }>(await as(stack, secretary, 'quarter.close', { period: P }));
    const rows = closed.preview;
    expect(rows.map((r) => r.memberId).sort()).toEqual(ranked.map((m) => m._id).sort());
    const count = (grade: string) => rows.filter((r) => r.grade === grade).length;
    expect(count('excellent')).toBeGreaterThanOrEqual(1);
    expect(count('good')).toBeGreaterThanOrEqual(1);
    expect(count('poor')).toBeLessThanOrEqual(rows.length * 0.1);
    expect(Math.max(...['excellent', 'good', 'pass', 'poor'].map(count))).toBeLessThan(rows.length);
    // Everyone rated: the round's results reach the preview.
    expect(rows.filter((r) => r.appraisal !== null).length).toBeGreaterThanOrEqual(rows.length * 0.8);
    // Points earned through the quarter, not a handful: most of the branch is past 60.
    expect(rows.filter((r) => r.points >= 60).length).toBeGreaterThanOrEqual(rows.length * 0.8);
    // No pile-up of equal scores at the top.
    const top = rows.slice(0, 5).map((r) => r.score);
    expect(new Set(top).size).toBe(top.length);
    // Nothing for the secretary to be warned of before publishing (where close reports warnings).
    expect((closed.warnings ?? []).map((w) => w.code)).toEqual([]);
  });
});
