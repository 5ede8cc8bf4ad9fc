/**
 * `npm run cloud:smoke` against the emulator, which answers an open API a function has not
 * registered as WeChat does (-604101): every declared API answers on a healthy deploy, and an
 * unregistered one is reported by function and API with exit code 1. A phone cannot run the
 * smoke (a call with a caller is refused, as a timer's is).
 */
import { main } from '../../scripts/cloud/smoke-run';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

const run = async (argv: string[]) => {
  const lines: string[] = [];
  const code = await main(['--emulator', stack.origin, ...argv], {}, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
};

it('tries every declared open API of every function and reports each one', async () => {
  const { code, text } = await run(['--openid', demoOpenid('b-netops-m01')]);
  expect(text).not.toMatch(/^\s+(missing|error)/m);
  expect(code).toBe(0);
  for (const line of ['note           security.msgSecCheck', 'note           security.mediaCheckAsync', 'lesson         wxacode.getUnlimited', 'studyPush      subscribeMessage.send']) expect(text).toContain(`ok       ${line}`);
  // Without an openid the user-bound checks are skipped, and said so.
  const bare = await run([]);
  expect(bare.code).toBe(0);
  expect(bare.text).toMatch(/skipped\s+note\s+security\.msgSecCheck\s+needs --openid/);
});

it("compares the account's subscribe templates with the configured ids and keys", async () => {
  expect((await run([])).text).toMatch(/ok\s+meeting\s+subscribeMessage\.getTemplateList/);
  // The account picked a 会议提醒 template whose time is date5, not time2.
  stack.emulator.wechat.templates.set('local-meeting', ['thing1', 'date5', 'thing3']);
  try {
    const { code, text } = await run([]);
    expect(code).toBe(1);
    expect(text).toMatch(/error\s+meeting\s+subscribeMessage\.getTemplateList\s+.*meeting: template local-meeting has no time2 .*TONGXIN_TPL_MEETING_KEYS/);
  } finally {
    stack.emulator.wechat.reset();
  }
});

it('names an unregistered permission (-604101) and fails', async () => {
  stack.emulator.wechat.unregistered.add('meeting subscribeMessage.send');
  try {
    const { code, text } = await run(['--openid', demoOpenid('b-netops-m01')]);
    expect(code).toBe(1);
    expect(text).toMatch(/missing\s+meeting\s+subscribeMessage\.send\s+-604101/);
    expect(text).toMatch(/上传并部署/);
  } finally {
    stack.emulator.wechat.unregistered.clear();
  }
});

it('is refused to a phone', async () => {
  const token = await stack.signIn(demoOpenid('b-netops-m10'));
  const reply = (await stack.call('note.smoke', {}, token)).body as { ok: boolean };
  expect(reply.ok).toBe(false);
  const raw = await fetch(`${stack.origin}/functions/note`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tongxin-session': token }, body: JSON.stringify({ Type: 'Smoke', openid: demoOpenid('b-netops-m10') }) });
  expect(((await raw.json()) as { ok: boolean }).ok).toBe(false);
});
