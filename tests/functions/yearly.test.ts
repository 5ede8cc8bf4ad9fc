/** 计划上墙 and 年终评优: plan items with quarterly targets; the year's result from published quarters; confirmed awards. */
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

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START, extraFunctions: [await buildPointsProbe()] });
  const at = new Date(Date.UTC(Y, (QN - 1) * 3 + 1, 15, 4)).toISOString();
  for (let i = 0; i < 4; i++) await stack.emulator.functions.invoke('points-probe', { memberId: 'b-market-m03', rule: 'taskDone', source: `y${i}`, at }, { openid: null, appid: 'wx' });
  data(await as(stack, SECRETARY, 'quarter.close', { period: P }));
  data(await as(stack, SECRETARY, 'quarter.publish', { period: P }));
});
afterAll(() => stack.stop());

describe('计划上墙', () => {
  it('keeps plan items with an owner of the branch and four quarterly targets', async () => {
    const item = data<{ id: string; owner: { name: string } }>(
      await as(stack, SECRETARY, 'plan.saveItem', { year: Y, title: '高价值小区渗透率提升', ownerId: 'b-market-m02', targets: ['摸排', '攻坚', '巩固', '总结'], results: ['', '', '', ''] }),
    );
    const edited = data<{ results: string[] }>(
      await as(stack, SECRETARY, 'plan.saveItem', { itemId: item.id, year: Y, title: '高价值小区渗透率提升', ownerId: 'b-market-m02', targets: ['摸排', '攻坚', '巩固', '总结'], results: ['完成 12 个小区摸排', '', '', ''] }),
    );
    expect(edited.results[0]).toBe('完成 12 个小区摸排');
    const list = data<{ items: Array<{ id: string }> }>(await as(stack, demoOpenid('b-market-m09'), 'plan.items', { year: Y }));
    expect(list.items.map((i) => i.id)).toEqual([item.id]);
    expect((await as(stack, SECRETARY, 'plan.saveItem', { year: Y, title: '越权', ownerId: 'b-netops-m02', targets: ['', '', '', ''], results: ['', '', '', ''] })).error?.code).toBe('NOT_FOUND');
  });
});

describe('年终评优', () => {
  it("ranks the year from the published quarters and records the secretary's awards", async () => {
    const result = data<{ publishedQuarters: number; rows: Array<{ memberId: string; rank: number; quarters: Array<number | null>; score: number }> }>(
      await as(stack, SECRETARY, 'award.year', { year: Y }),
    );
    expect(result.publishedQuarters).toBe(1);
    expect(result.rows[0]).toMatchObject({ memberId: 'b-market-m03', rank: 1, score: 8 });
    expect(result.rows[0].quarters[QN - 1]).toBe(8);
    data(await as(stack, SECRETARY, 'award.confirm', { year: Y, title: '优秀共产党员', memberIds: ['b-market-m03'] }));
    const awards = data<{ awards: Array<{ title: string; members: Array<{ name: string }> }> }>(await as(stack, demoOpenid('b-market-m09'), 'award.list', { year: Y }));
    expect(awards.awards).toHaveLength(1);
    expect(awards.awards[0].title).toBe('优秀共产党员');
    expect((await as(stack, SECRETARY, 'award.confirm', { year: Y, title: '优秀共产党员', memberIds: ['b-netops-m03'] })).error?.code).toBe('NOT_FOUND');
  });
});
