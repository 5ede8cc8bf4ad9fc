/**
 * Absurdly nested JSON is the caller's mistake, for every action: 20,000 levels are refused by
 * the emulator's HTTP layer with 400 (they answered 500 before), and 40 levels, which pass it,
 * are refused by the function itself with INVALID_INPUT before any validator walks them.
 * The emulator's own admin routes answer 400 too. Nothing is written.
 */
import { contract, splitAction, type ActionName } from '../../shared/api/contract';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';

let stack: LocalStack;
let token: string;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const ACTIONS = Object.keys(contract) as ActionName[];

beforeAll(async () => {
  stack = await startLocalStack();
  token = await stack.signIn(demoOpenid('b-netops-m01'));
});
afterAll(() => stack.stop());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tongxin-session': token, ...headers }, body });

it('refuses 20,000 levels with 400 at every function, and 40 levels inside any action\'s input with INVALID_INPUT', async () => {
  const writes = stack.dataWrites();
  // The HTTP layer refuses before the function (or its action) is reached: once a function.
  for (const functionName of [...new Set(ACTIONS.map((name) => splitAction(name).functionName))]) {
    const deep = await post(`/functions/${functionName}`, `{"action":"x","input":{"x":${nested(20_000)}}}`);
    expect([functionName, deep.status]).toEqual([functionName, 400]);
  }
  for (const name of ACTIONS) {
    const { functionName, action } = splitAction(name);
    const inner = await post(`/functions/${functionName}`, `{"action":"${action}","input":{"x":${nested(40)}}}`);
    const reply = (await inner.json()) as { ok: boolean; error?: { code: string } };
    expect([name, inner.status, reply.error?.code]).toEqual([name, 200, 'INVALID_INPUT']);
  }
  expect(stack.dataWrites()).toBe(writes);
});

it('answers deep or broken JSON on the admin routes with 400', async () => {
  expect((await post('/__/admin/import', `{"database":${nested(20_000)}}`)).status).toBe(400);
  expect((await post('/__/admin/import', '{"database":')).status).toBe(400);
  // The SDK's endpoint answers errors as CloudBase does: HTTP 200 with a code.
  const sdk = await post('/admin', `{"action":"database.getDocument","x":${nested(20_000)}}`, { authorization: 'TC3-HMAC-SHA256 x' });
  expect([sdk.status, ((await sdk.json()) as { code?: string }).code]).toEqual([200, 'INVALID_PARAM']);
  expect((await post('/__/auth/signin', nested(20_000))).status).toBe(400);
});
