/** 民主评议, closing and publishing a quarter: the flow, one ballot each, frozen snapshots and corrections. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { buildPointsProbe } from './support/probe';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const SECRETARY = demoOpenid('b-market-m01');
const P = shiftQuarter(chinaQuarter(new Date(START)), -1);
const [Y, QN] = P.split('Q').map(Number);
const IN_P = new Date(Date.UTC(Y, (QN - 1) * 3 + 1, 15, 4)).toISOString();
const MARKET = Array.from({ length: 12 }, (_, i) => `b-market-m${String(i + 1).padStart(2, '0')}`);

interface Row { memberId: string; rank: number; score: number; grade: string; appraisal: number | null; points: number }
interface Result { version: number; rows: Row[]; exempt: Array<{ memberId: string }>; mine: Row | null; reason: string | null; gradeCounts: Record<string, number> }

async function award(memberId: string, rule: string, source: string) {
  const outcome = await stack.emulator.functions.invoke('points-probe', { memberId, rule, source, at: IN_P }, { openid: null, appid: 'wx' });
  if (!outcome.ok) throw new Error(outcome.message);
}

function ballot(voter: string, rating: (id: string) => string) {
  return { period: P, ratings: MARKET.filter((id) => id !== voter).map((id) => ({ memberId: id, rating: rating(id) })) };
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START, extraFunctions: [await buildPointsProbe()] });
  // m02 earns the most, m03 some, the rest little; m11/m12 are exempt (流动/老党员 in the seed).
  for (let i = 0; i < 5; i++) await award('b-market-m02', 'taskDone', `t${i}`);
  for (let i = 0; i < 3; i++) await award('b-market-m03', 'meetingAttended', `m${i}`);
  await award('b-market-m04', 'studyPushRead', 'p1');
});
afterAll(() => stack.stop());

describe('民主评议', () => {
  it('takes one complete, anonymous ballot from each member and averages the ratings', async () => {
    expect(data(await as(stack, SECRETARY, 'quarter.openAppraisal', { period: P }))).toEqual({ period: P, state: 'open' });
    const voter = 'b-market-m05';
    const candidates = data<{ candidates: Array<{ memberId: string }> }>(await as(stack, demoOpenid(voter), 'quarter.ballot', { period: P }));
    expect(candidates.candidates.map((c) => c.memberId)).toEqual(MARKET.filter((id) => id !== voter));

    const partial = await as(stack, demoOpenid(voter), 'quarter.castBallot', { period: P, ratings: [{ memberId: 'b-market-m02', rating: 'excellent' }] });
    expect(partial.error?.code).toBe('INVALID_INPUT');
    const self = await as(stack, demoOpenid(voter), 'quarter.castBallot', { period: P, ratings: MARKET.map((id) => ({ memberId: id, rating: 'pass' })) });
    expect(self.error?.code).toBe('INVALID_INPUT');

    const excellentFor02 = (id: string) => (id === 'b-market-m02' ? 'excellent' : 'pass');
    expect(data(await as(stack, demoOpenid(voter), 'quarter.castBallot', ballot(voter, excellentFor02)))).toEqual({ cast: true });
    const twice = await as(stack, demoOpenid(voter), 'quarter.castBallot', ballot(voter, excellentFor02));
    expect(twice.error?.code).toBe('CONFLICT');
    await as(stack, demoOpenid('b-market-m06'), 'quarter.castBallot', ballot('b-market-m06', (id) => (id === 'b-market-m02' ? 'basic' : 'pass')));

    const status = data<{ appraisal: { ballots: number }; myBallotCast: boolean }>(await as(stack, demoOpenid(voter), 'quarter.status', { period: P }));
    expect(status).toMatchObject({ appraisal: { ballots: 2 }, myBallotCast: true });
    expect(data(await as(stack, SECRETARY, 'quarter.closeAppraisal', { period: P }))).toMatchObject({ ballots: 2 });
    expect((await as(stack, demoOpenid('b-market-m07'), 'quarter.castBallot', ballot('b-market-m07', () => 'pass'))).error?.code).toBe('CONFLICT');
  });

  it('keeps ballots anonymous: only a voted mark and the round tally are stored', async () => {
    const state = (await stack.state());
    const marks = state.ballots as Array<Record<string, unknown>>;
    expect(marks).toHaveLength(2);
    for (const mark of marks) expect(Object.keys(mark).sort()).toEqual(['_id', 'at', 'roundId']);
    const text = JSON.stringify(state);
    expect(text).not.toContain('excellent'); // no rating is stored as cast
  });
});

describe('closing and publishing', () => {
  it('refuses to close a quarter that has not ended', async () => {
    const reply = await as(stack, SECRETARY, 'quarter.close', { period: chinaQuarter(new Date(START)) });
    expect(reply.error?.code).toBe('CONFLICT');
  });

  it('publishes a frozen snapshot: blended scores, competition ranks, grades, exempt apart', async () => {
    expect((await as(stack, SECRETARY, 'quarter.publish', { period: P })).error?.code).toBe('CONFLICT'); // not closed yet
    const closed = data<{ preview: Row[] }>(await as(stack, SECRETARY, 'quarter.close', { period: P }));
    expect(closed.preview[0].memberId).toBe('b-market-m02');
    const published = data<Result>(await as(stack, SECRETARY, 'quarter.publish', { period: P }));
    expect(published.version).toBe(1);
    // m02: 10 points × 0.8 + appraisal (100 + 60) / 2 = 80 × 0.2 → 8 + 16 = 24
    expect(published.rows[0]).toMatchObject({ memberId: 'b-market-m02', rank: 1, points: 10, appraisal: 80, score: 24 });
    expect(published.exempt.map((e) => e.memberId).sort()).toEqual(['b-market-m11', 'b-market-m12']);
    expect(published.rows).toHaveLength(10);
    expect(Object.values(published.gradeCounts).reduce((a, b) => a + b, 0)).toBe(10);
    const seen = data<Result>(await as(stack, demoOpenid('b-market-m04'), 'quarter.result', { period: P }));
    expect(seen.mine).toMatchObject({ memberId: 'b-market-m04', points: 1 });
  });

  it('never changes a published snapshot; a correction is a new version with a reason', async () => {
    await award('b-market-m04', 'taskDone', 'late');
    const v1 = data<Result>(await as(stack, demoOpenid('b-market-m04'), 'quarter.result', { period: P }));
    expect(v1.mine?.points).toBe(1);
    expect((await as(stack, SECRETARY, 'quarter.publish', { period: P })).error?.fields?.reason).toBeDefined();
    const v2 = data<Result>(await as(stack, SECRETARY, 'quarter.publish', { period: P, reason: '补记一项任务积分' }));
    expect(v2).toMatchObject({ version: 2, reason: '补记一项任务积分' });
    expect(v2.rows.find((r) => r.memberId === 'b-market-m04')?.points).toBe(3);
    const old = data<Result>(await as(stack, demoOpenid('b-market-m04'), 'quarter.result', { period: P, version: 1 }));
    expect(old.mine?.points).toBe(1);
    expect((await as(stack, demoOpenid('b-market-m04'), 'quarter.result', { period: P, version: 3 })).error?.code).toBe('NOT_FOUND');
  });

  it("keeps another branch's result out of reach", async () => {
    expect((await as(stack, demoOpenid('b-netops-m03'), 'quarter.result', { period: P })).error?.code).toBe('NOT_FOUND');
  });
});
