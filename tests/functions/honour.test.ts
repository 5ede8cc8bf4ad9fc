/** The honour wall: group leaders nominate within their group, the secretary confirms, the branch sees the wall. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const PERIOD = chinaQuarter(new Date(START));
const LEADER = demoOpenid('b-netops-m07'); // leads 第一党小组
const STORY = '在抗洪抢险通信保障中连续奋战三昼夜，保障了重点区域的网络畅通。';

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('荣誉墙', () => {
  it('goes from nomination to the wall once the secretary confirms', async () => {
    const nominated = data<{ id: string; status: string; group: string }>(await as(stack, LEADER, 'honour.nominate', { period: PERIOD, memberId: 'b-netops-m10', story: STORY, photo: null }));
    expect(nominated).toMatchObject({ status: 'pending', group: '第一党小组（传输）' });
    expect(data<{ items: unknown[] }>(await as(stack, demoOpenid('b-netops-m20'), 'honour.wall', {})).items).toEqual([]);
    data(await as(stack, demoOpenid('b-netops-m01'), 'honour.confirm', { nominationId: nominated.id, approve: true }));
    const wall = data<{ branchName: string; items: Array<{ member: { name: string }; story: string }> }>(await as(stack, demoOpenid('b-netops-m20'), 'honour.wall', {}));
    expect(wall.branchName).toBe('网络运维党支部');
    expect(wall.items).toHaveLength(1);
    expect(wall.items[0].story).toBe(STORY);
  });

  it("refuses a nomination outside the leader's group as if the member did not exist, and a second one", async () => {
    expect((await as(stack, LEADER, 'honour.nominate', { period: PERIOD, memberId: 'b-netops-m11', story: STORY, photo: null })).error?.code).toBe('NOT_FOUND'); // 第二党小组
    expect((await as(stack, LEADER, 'honour.nominate', { period: PERIOD, memberId: 'b-netops-m10', story: STORY, photo: null })).error?.code).toBe('CONFLICT');
    expect((await as(stack, LEADER, 'honour.nominate', { period: PERIOD, memberId: 'b-netops-m13', story: '太短', photo: null })).error?.code).toBe('INVALID_INPUT');
  });

  it("keeps another branch's wall and nominations apart", async () => {
    const market = data<{ items: unknown[] }>(await as(stack, demoOpenid('b-market-m03'), 'honour.wall', {}));
    expect(market.items).toEqual([]);
    const list = data<{ items: Array<{ id: string }> }>(await as(stack, demoOpenid('b-netops-m01'), 'honour.nominations', { period: PERIOD }));
    const reply = await as(stack, demoOpenid('b-market-m01'), 'honour.confirm', { nominationId: list.items[0].id, approve: false });
    expect(reply.error?.code).toBe('NOT_FOUND');
  });
});
