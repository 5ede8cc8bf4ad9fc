/**
 * One caller cannot exhaust a function (issue #14): every action of the throttle table
 * (shared/api/throttle.ts) answers RATE_LIMITED past its budget, before anything else is read
 * or written (the refusal costs the meter's one write), and a burst of 200 notes from one
 * member stores exactly the notes that were accepted — the rest refused fast, none INTERNAL.
 */
import { contract, type ActionName } from '../../shared/api/contract';
import { BUDGETS } from '../../shared/api/throttle';
import { CONTENT_CHECKS } from '../../shared/api/content';
import { POLICY } from '../../shared/api/policy';
import { COLLECTIONS } from '../../shared/db/collections';
import { demoOpenid } from '../../scripts/seed/demo';
import { startLocalStack, type LocalStack } from '../support/stack';
import type { Envelope } from './support/org-fixtures';

let stack: LocalStack;
/** The functions' clock, stopped one second into a minute: every burst below counts in one window. */
const START = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
beforeAll(async () => {
  stack = await startLocalStack({ throttleScale: 1, frozenAt: START });
});
afterAll(() => stack.stop());

const METERED = (Object.keys(BUDGETS) as ActionName[]).sort();
const metered = (headers: Headers) => ({ reads: Number(headers.get('x-tongxin-db-reads')), writes: Number(headers.get('x-tongxin-db-writes')) });

describe('the throttle table', () => {
  it('meters every action a member (or a newcomer) publishes for others to read', () => {
    const publishing = (Object.keys(CONTENT_CHECKS) as ActionName[]).filter((name) => (POLICY[name].callers as readonly string[]).some((c) => c === 'member' || c === 'unbound'));
    expect(publishing.filter((name) => !BUDGETS[name])).toEqual([]);
    for (const name of METERED) expect(contract[name]).toBeDefined();
  });
});

describe('every metered action', () => {
  it.each(METERED)('%s answers RATE_LIMITED past its budget, having read and written nothing else', async (name) => {
    const budget = BUDGETS[name]!;
    const [functionName, action] = name.split('.');
    // A newcomer's identity of its own: the policy refuses most of these, after the meter.
    const token = await stack.signIn(`o_throttle_${action}_${functionName}`.slice(0, 28));
    const call = () => stack.call(name, {}, token);
    const writes = stack.dataWrites();
    for (let i = 0; i < budget.calls; i += 1) expect([name, i, ((await call()).body as Envelope).error?.code]).not.toEqual([name, i, 'RATE_LIMITED']);
    const refused = await call();
    expect([name, ((refused.body as Envelope).error?.code)]).toEqual([name, 'RATE_LIMITED']);
    expect((refused.body as Envelope).error?.message).toMatch(/秒后再试/);
    expect([name, metered(refused.headers)]).toEqual([name, { reads: 0, writes: 1 }]);
    expect(stack.dataWrites()).toBe(writes);
  });
});

it('a burst of 200 notes from one member: at most the budget stored, every other call refused fast, none lost or INTERNAL', async () => {
  const memberId = 'b-netops-m26';
  const token = await stack.signIn(demoOpenid(memberId));
  const text = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
  const replies = await Promise.all(
    Array.from({ length: 200 }, (_, i) => stack.call('note.submit', { requestId: `burst-note-${String(i).padStart(3, '0')}`, text, images: [], lessonId: null, pushId: null }, token)),
  );
  const codes = replies.map((r) => ((r.body as Envelope).ok ? 'ok' : (r.body as Envelope).error?.code));
  const accepted = codes.filter((c) => c === 'ok').length;
  expect(accepted).toBe(BUDGETS['note.submit']!.calls);
  expect(codes.filter((c) => c !== 'ok' && c !== 'RATE_LIMITED')).toEqual([]);
  const notes = ((await stack.state())[COLLECTIONS.notes] as Array<{ memberId: string }>).filter((n) => n.memberId === memberId);
  expect(notes).toHaveLength(accepted);
  // The meter counts every call, a retry of an accepted note too: it waits for the next window,
  // when the budget is whole again and the meters of spent windows are gone.
  const retry = () => stack.call('note.submit', { requestId: 'burst-note-000', text, images: [], lessonId: null, pushId: null }, token);
  expect(((await retry()).body as Envelope).error?.code).toBe('RATE_LIMITED');
  stack.emulator.functions.advanceClock(60_000);
  expect(((await retry()).body as Envelope).ok).toBe(true);
  const meters = stack.emulator.database.exportState()[COLLECTIONS.rateMeters] as Array<{ key: string }>;
  expect(meters.filter((m) => m.key === `${demoOpenid(memberId)}\nnote.submit`)).toHaveLength(1);
});
