/** 三单: issued to 较差 members of a published quarter (or anyone), answered by the member, verified or returned by the secretary. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaDay, chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const SECRETARY = demoOpenid('b-market-m01');
const P = shiftQuarter(chinaQuarter(new Date(START)), -1);
const DUE = chinaDay(new Date(START.getTime() + 14 * 24 * 3600 * 1000));

interface Rect {
  id: string;
  reason: string;
  state: string;
  actions: Array<{ id: string; status: string; overdue: boolean; answer: { text: string } | null; review: { note: string } | null }>;
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
  data(await as(stack, SECRETARY, 'quarter.close', { period: P }));
  data(await as(stack, SECRETARY, 'quarter.publish', { period: P }));
});
afterAll(() => stack.stop());

describe('三单', () => {
  it('suggests the 较差 members of the published quarter', async () => {
    const { members } = data<{ members: Array<{ id: string }> }>(await as(stack, SECRETARY, 'rectification.candidates', { period: P }));
    // Nobody earned points: every ranked member (12 less 2 exempt) is 较差.
    expect(members).toHaveLength(10);
  });

  it('runs the loop: issue, answer, return, answer again, verify, closed', async () => {
    const member = demoOpenid('b-market-m04');
    const issued = data<Rect>(
      await as(stack, SECRETARY, 'rectification.issue', {
        memberId: 'b-market-m04', period: P, responsibilities: ['按时参加组织生活'], problems: ['本季度未参加支部活动'],
        actions: [{ text: '参加下月主题党日并提交心得', dueOn: DUE }, { text: '补学两次微型党课', dueOn: DUE }],
      }),
    );
    expect(issued).toMatchObject({ reason: 'grade', state: 'open' });
    expect(data<{ members: unknown[] }>(await as(stack, SECRETARY, 'rectification.candidates', { period: P })).members).toHaveLength(9);

    const mine = data<{ items: Rect[] }>(await as(stack, member, 'rectification.mine', {}));
    expect(mine.items.map((r) => r.id)).toEqual([issued.id]);

    const tooShort = await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a1', text: '好', photos: [] });
    expect(tooShort.error?.code).toBe('INVALID_INPUT');
    const answered = data<Rect>(await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a1', text: '已参加主题党日，心得已提交到学习园地', photos: [await stack.putFile(`rectification/${issued.id}/a1/a.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' })] }));
    expect(answered.actions[0]).toMatchObject({ status: 'answered', answer: { text: expect.stringContaining('主题党日') } });
    expect((await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a1', text: '再次提交一样的整改内容说明', photos: [] })).error?.code).toBe('CONFLICT');
    const foreignPhoto = await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a2', text: '用了别处的照片作为整改证明', photos: ['cloud://local.local-bucket/other/x.jpg'] });
    expect(foreignPhoto.error?.fields?.photos).toBeDefined();

    expect((await as(stack, SECRETARY, 'rectification.review', { rectificationId: issued.id, actionId: 'a1', verdict: 'returned', note: '' })).error?.fields?.note).toBeDefined();
    const returned = data<Rect>(await as(stack, SECRETARY, 'rectification.review', { rectificationId: issued.id, actionId: 'a1', verdict: 'returned', note: '请附上活动照片' }));
    expect(returned.actions[0]).toMatchObject({ status: 'returned', review: { note: '请附上活动照片' } });
    data(await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a1', text: '补充了活动照片和签到记录', photos: [await stack.putFile(`rectification/${issued.id}/a1/b.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' })] }));
    data(await as(stack, SECRETARY, 'rectification.review', { rectificationId: issued.id, actionId: 'a1', verdict: 'verified', note: '' }));
    data(await as(stack, member, 'rectification.answer', { rectificationId: issued.id, actionId: 'a2', text: '两次微型党课已学完，学习记录可查', photos: [] }));
    const closed = data<Rect>(await as(stack, SECRETARY, 'rectification.review', { rectificationId: issued.id, actionId: 'a2', verdict: 'verified', note: '整改到位' }));
    expect(closed.state).toBe('closed');
    const log = data<{ entries: Array<{ action: string }> }>(await as(stack, SECRETARY, 'org.auditLog', { limit: 50 }));
    expect(log.entries.filter((e) => e.action === 'rectification.review')).toHaveLength(3);
  });

  it("keeps a member's 三单 from other members and other branches", async () => {
    const issued = data<Rect>(await as(stack, SECRETARY, 'rectification.issue', { memberId: 'b-market-m05', period: P, responsibilities: ['责任'], problems: ['问题'], actions: [{ text: '整改措施', dueOn: DUE }] }));
    const other = await as(stack, demoOpenid('b-market-m07'), 'rectification.answer', { rectificationId: issued.id, actionId: 'a1', text: '冒名提交的整改情况说明', photos: [] });
    expect(other.error?.code).toBe('NOT_FOUND');
    const otherBranch = await as(stack, demoOpenid('b-netops-m01'), 'rectification.review', { rectificationId: issued.id, actionId: 'a1', verdict: 'verified', note: '' });
    expect(otherBranch.error?.code).toBe('NOT_FOUND');
    expect(data<{ items: unknown[] }>(await as(stack, demoOpenid('b-market-m07'), 'rectification.mine', {})).items).toEqual([]);
  });

  it('marks items past their due date as overdue, and refuses a due date in the past', async () => {
    const past = await as(stack, SECRETARY, 'rectification.issue', { memberId: 'b-market-m08', period: P, responsibilities: ['责任'], problems: ['问题'], actions: [{ text: '整改措施', dueOn: '2020-01-01' }] });
    expect(past.error?.code).toBe('INVALID_INPUT');
    const issued = data<Rect>(await as(stack, SECRETARY, 'rectification.issue', { memberId: 'b-market-m08', period: P, responsibilities: ['责任'], problems: ['问题'], actions: [{ text: '整改措施', dueOn: DUE }] }));
    await stack.app.database().collection('rectifications').doc(issued.id).update({ 'actions.0.dueOn': '2020-01-01' });
    const list = data<{ items: Rect[] }>(await as(stack, SECRETARY, 'rectification.list', { state: 'open' }));
    expect(list.items.find((r) => r.id === issued.id)?.actions[0].overdue).toBe(true);
  });
});
