/**
 * What one call costs in database operations, as the emulator meters them the way CloudBase
 * counts them (DESIGN §9). The meter is the emulator's, so test:cloud does not run this file.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

const metered = (headers: Headers) => ({ reads: Number(headers.get('x-tongxin-db-reads')), writes: Number(headers.get('x-tongxin-db-writes')) });

it('org.me: member lookup, branch, group and units — what 首页 and 我的 cost on every visit', async () => {
  const token = await stack.signIn(demoOpenid('b-netops-m03'));
  const { headers, body } = await stack.call('org.me', {}, token);
  expect((body as { data: { units: unknown[] } }).data.units.length).toBeGreaterThan(0);
  expect(metered(headers)).toEqual({ reads: 4, writes: 0 });
});

it('points.ranking: one read to identify the caller and one aggregate for the branch', async () => {
  const token = await stack.signIn(demoOpenid('b-netops-m02'));
  const { headers } = await stack.call('points.ranking', { scope: 'branch' }, token);
  expect(metered(headers)).toEqual({ reads: 2, writes: 0 });
});

it('org.whoami: only the member lookup, and no write', async () => {
  const token = await stack.signIn('o_someone_new_01');
  const { headers, body } = await stack.call('org.whoami', {}, token);
  expect(body).toEqual({ ok: true, data: { openid: 'o_someone_new_01', bound: false } });
  expect(metered(headers)).toEqual({ reads: 1, writes: 0 });
});
