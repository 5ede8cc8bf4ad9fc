/**
 * 学习要点 through the function host: targeting the branch or groups, scheduled sending by
 * the timer trigger, subscribe messages only to members who accepted, reading to the end
 * once (points once), and read rates for the secretary.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';
import { COLLECTIONS } from '../../shared/db/collections';

let stack: LocalStack;
const secretary = demoOpenid('b-netops-m01');
let seq = 0;
const requestId = () => `push-request-${(seq += 1)}`;
const push = (extra: Record<string, unknown> = {}) => ({ title: '学习党的二十大精神', body: '请大家认真学习报告第三部分，并结合岗位谈体会。', images: [], lessonId: null, groupIds: [], sendAt: null, requestId: requestId(), ...extra });

interface Push { id: string; status: string; read: boolean }
interface Ledger { entries: Array<{ rule: string | null; source: string }> }

async function members(groupId: string): Promise<string[]> {
  const state = (await stack.state()) as Record<string, Array<{ _id: string; groupId?: string; branchId?: string }>>;
  return state.members.filter((m) => m.groupId === groupId).map((m) => m._id);
}

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());
// A test that stops or moves the functions' clock never leaves it so for the next.
afterEach(() => stack.emulator.functions.setClock(null));

describe('sending', () => {
  it('spends no credit on a notice WeChat refuses (a template whose keys differ: 47003)', async () => {
    const member = demoOpenid('b-netops-m23');
    data(await as(stack, member, 'studyPush.subscribe', { template: 'studyPush', accepted: true }));
    const credits = async () => ((await stack.app.database().collection(COLLECTIONS.subscriptions).doc('b-netops-m23:studyPush').get()).data as Array<{ credits: number }>)[0]?.credits;
    expect(await credits()).toBe(1);
    // The account's template has other keyword numbers than the functions are configured for.
    stack.emulator.wechat.templates.set('local-studyPush', ['thing4', 'thing1', 'date2']);
    stack.emulator.wechat.messages.length = 0;
    try {
      data(await as(stack, secretary, 'studyPush.send', push()));
      expect(stack.emulator.wechat.messages).toHaveLength(0);
      expect(await credits()).toBe(1);
    } finally {
      stack.emulator.wechat.reset();
    }
    data(await as(stack, secretary, 'studyPush.send', push()));
    expect(stack.emulator.wechat.messages.map((m) => m.touser)).toContain(member);
    expect(await credits()).toBe(0);
  });

  it('sends to the branch now, once per request id, and only subscribers get a notice', async () => {
    data(await as(stack, demoOpenid('b-netops-m20'), 'studyPush.subscribe', { template: 'studyPush', accepted: true }));
    stack.emulator.wechat.messages.length = 0;
    const input = push();
    const sent = data<Push>(await as(stack, secretary, 'studyPush.send', input));
    expect(sent.status).toBe('sent');
    const again = data<Push>(await as(stack, secretary, 'studyPush.send', input));
    expect(again.id).toBe(sent.id);
    expect(stack.emulator.wechat.messages.map((m) => m.touser)).toEqual([demoOpenid('b-netops-m20')]);
    // The credit is spent: the next push sends no notice to the same member.
    data(await as(stack, secretary, 'studyPush.send', push()));
    expect(stack.emulator.wechat.messages).toHaveLength(1);
    const mine = data<{ items: Push[]; unread: number }>(await as(stack, demoOpenid('b-netops-m21'), 'studyPush.mine', {}));
    expect(mine.items.map((p) => p.id)).toContain(sent.id);
    expect(mine.unread).toBeGreaterThanOrEqual(2);
  });

  it('targets groups: members outside them neither see nor read it', async () => {
    const inGroup = await members('b-netops-g1');
    const outside = (await members('b-netops-g2'))[0];
    const sent = data<Push>(await as(stack, secretary, 'studyPush.send', push({ groupIds: ['b-netops-g1'] })));
    const mineOutside = data<{ items: Push[] }>(await as(stack, demoOpenid(outside), 'studyPush.mine', {}));
    expect(mineOutside.items.map((p) => p.id)).not.toContain(sent.id);
    expect((await as(stack, demoOpenid(outside), 'studyPush.read', { pushId: sent.id })).error?.code).toBe('NOT_FOUND');
    data(await as(stack, demoOpenid(inGroup[0]), 'studyPush.read', { pushId: sent.id }));
    const list = data<{ items: Array<Push & { targets: number; reads: number }> }>(await as(stack, secretary, 'studyPush.list', {}));
    expect(list.items.find((p) => p.id === sent.id)).toMatchObject({ targets: inGroup.length, reads: 1 });
  });

  it('refuses a group of another branch', async () => {
    expect((await as(stack, secretary, 'studyPush.send', push({ groupIds: ['b-market-g1'] }))).error?.code).toBe('NOT_FOUND');
  });

  it('keeps a scheduled push from members until the timer sends it', async () => {
    data(await as(stack, demoOpenid('b-netops-m22'), 'studyPush.subscribe', { template: 'studyPush', accepted: true }));
    stack.emulator.wechat.messages.length = 0;
    // On a stopped clock: however slow the machine, the push is still ahead when it is scheduled.
    const at = new Date();
    stack.emulator.functions.freezeClock(at);
    const soon = new Date(at.getTime() + 60_000).toISOString();
    const scheduled = data<Push>(await as(stack, secretary, 'studyPush.send', push({ sendAt: soon })));
    expect(scheduled.status).toBe('scheduled');
    const member = demoOpenid('b-netops-m22');
    expect((await as(stack, member, 'studyPush.view', { pushId: scheduled.id })).error?.code).toBe('NOT_FOUND');
    const early = await stack.emulator.timers.fire('studyPush', 'dispatch');
    expect(early.ok && (early.result as { data: { delivered: number } }).data.delivered).toBe(0);
    stack.emulator.functions.advanceClock(61_000);
    const due = await stack.emulator.timers.fire('studyPush', 'dispatch');
    expect(due.ok && (due.result as { data: { delivered: number } }).data.delivered).toBe(1);
    expect(stack.emulator.wechat.messages.map((m) => m.touser)).toEqual([member]);
    expect(data<Push>(await as(stack, member, 'studyPush.view', { pushId: scheduled.id })).status).toBe('sent');
    // A second timer run sends nothing again.
    const rerun = await stack.emulator.timers.fire('studyPush', 'dispatch');
    expect(rerun.ok && (rerun.result as { data: { delivered: number } }).data.delivered).toBe(0);
    expect(stack.emulator.wechat.messages).toHaveLength(1);
  });

  it('does not let a phone pose as the timer', async () => {
    const token = await stack.signIn(demoOpenid('b-netops-m20'));
    const reply = await fetch(`${stack.origin}/functions/studyPush`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tongxin-session': token }, body: JSON.stringify({ Type: 'Timer', TriggerName: 'dispatch' }) });
    expect(((await reply.json()) as { ok: boolean }).ok).toBe(false);
  });
});

describe('reading', () => {
  it('marks read once and awards once, however often the page reports it', async () => {
    const sent = data<Push>(await as(stack, secretary, 'studyPush.send', push({ title: '读到最后' })));
    const member = demoOpenid('b-netops-m23');
    await Promise.all([1, 2, 3].map(() => as(stack, member, 'studyPush.read', { pushId: sent.id })));
    expect(data<Push>(await as(stack, member, 'studyPush.view', { pushId: sent.id })).read).toBe(true);
    const entries = data<Ledger>(await as(stack, member, 'points.myLedger', {})).entries.filter((e) => e.rule === 'studyPushRead' && e.source === sent.id);
    expect(entries).toHaveLength(1);
    const readers = data<{ read: Array<{ id: string }>; unread: Array<{ id: string }> }>(await as(stack, secretary, 'studyPush.readers', { pushId: sent.id }));
    expect(readers.read.map((r) => r.id)).toEqual(['b-netops-m23']);
    expect(readers.unread).toHaveLength(31);
    expect((await as(stack, demoOpenid('b-market-m01'), 'studyPush.readers', { pushId: sent.id })).error?.code).toBe('NOT_FOUND');
  });
});
