/**
 * The built weapp 我的 page (miniprogram/dist/weapp, production backend: wx.cloud) rendered by
 * miniprogram-simulate with WeChat's official WXML compiler, its data coming from the local
 * emulator. Needs `npm run build:weapp` first; fails (never skips) without it.
 */
import { assertBuilt, createWeappHarness, type WeappHarness } from './harness';
import { startStack, type SimulateStack } from './stack';

type Stack = SimulateStack;

let stack: Stack;
let weapp: WeappHarness;

beforeAll(async () => {
  assertBuilt();
  stack = await startStack();
  weapp = createWeappHarness(stack.origin);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('built weapp: 我的 (pages/mine)', () => {
  it('renders the signed-in member from the emulator: name, branch and role labels', async () => {
    const people = await stack.people();
    const person = people.find((p) => p.roles.includes('member') && !p.roles.includes('secretary'));
    if (!person) throw new Error(`seed has no plain member: ${JSON.stringify(people)}`);
    weapp.setSession(await stack.signIn(person.openid));

    const page = weapp.renderPage('pages/mine/index');
    const text = await weapp.waitForText(page, (t) => t.includes(person.name));
    expect(text).toContain(person.name);
    if ('branchName' in person && person.branchName) expect(text).toContain(String(person.branchName));
    expect(text).toContain('党员');
    expect(text).toContain('大字模式');
    expect(text).not.toContain('书记工作台');
    // the function was reached through the platform transport of the build
    expect(weapp.calls.some((c) => c.url.endsWith('/functions/org'))).toBe(true);
  });

  it('offers the secretary workbench to a secretary', async () => {
    const people = await stack.people();
    const secretary = people.find((p) => p.roles.includes('secretary'));
    if (!secretary) throw new Error(`seed has no secretary: ${JSON.stringify(people)}`);
    weapp.setSession(await stack.signIn(secretary.openid));

    const page = weapp.renderPage('pages/mine/index');
    const text = await weapp.waitForText(page, (t) => t.includes(secretary.name));
    expect(text).toContain('支部书记');
    expect(text).toContain('书记工作台');
  });

  it('with no WeChat identity bound to a member: the 您还不是支部成员 state', async () => {
    weapp.setSession(null);
    const page = weapp.renderPage('pages/mine/index');
    const text = await weapp.waitForText(page, (t) => t.includes('您还不是支部成员'));
    expect(text).toContain('邀请');
  });
});
