/** The WeChat port of cloudfunctions/ against the emulator's fakes. */
import QRCode from 'qrcode';
import { QR_PNG_OPTIONS } from '../../emulator/wechat/operations';
import { startEmulator, type Emulator } from '../../emulator';
import type { WechatPort } from '../../cloudfunctions/_shared/wechat';

let emulator: Emulator;
let port: WechatPort;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataDir: ':memory:', functions: [], log: () => undefined });
  process.env.TONGXIN_WECHAT_FAKE_URL = `${emulator.origin}/__/wechat`;
  jest.resetModules();
  // A fresh module so the port picks up the fake URL set above.
  const mod = (await import('../../cloudfunctions/_shared/wechat')) as typeof import('../../cloudfunctions/_shared/wechat');
  port = mod.wechat();
});

afterAll(async () => {
  delete process.env.TONGXIN_WECHAT_FAKE_URL;
  await emulator.stop();
});

describe('WeChat fakes behind the port', () => {
  it('turns a mini-program code into a standard QR of the H5 URL of the same page and scene', async () => {
    const png = await port.miniProgramCode({ scene: 'l=lesson42', page: 'pages/lesson/index', width: 430 });
    const expected = await QRCode.toBuffer(`${emulator.origin}/#/pages/lesson/index?scene=l%3Dlesson42`, { ...QR_PNG_OPTIONS, width: 430 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.equals(expected)).toBe(true);
  });

  it('rejects a scene longer than 32 characters as WeChat does', async () => {
    await expect(port.miniProgramCode({ scene: 'x'.repeat(33), page: 'pages/home/index' })).rejects.toMatchObject({ name: 'WechatApiError', errcode: 40129 });
  });

  it('records subscribe messages and lists them over HTTP; refuses an unknown template or keys it lacks', async () => {
    emulator.wechat.templates.set('tpl-task', ['thing1']);
    await expect(port.sendSubscribeMessage({ touser: 'o_demo_1', templateId: 'tpl-none', data: { thing1: { value: '学习任务' } } })).rejects.toMatchObject({ errcode: 40037 });
    await expect(port.sendSubscribeMessage({ touser: 'o_demo_1', templateId: 'tpl-task', data: { thing2: { value: '学习任务' } } })).rejects.toMatchObject({ errcode: 47003 });
    await port.sendSubscribeMessage({ touser: 'o_demo_1', templateId: 'tpl-task', page: 'pages/home/index', data: { thing1: { value: '学习任务' } } });
    const listed = (await (await fetch(`${emulator.origin}/__/wechat/messages?touser=o_demo_1`)).json()) as Array<{ templateId: string }>;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ templateId: 'tpl-task', data: { thing1: { value: '学习任务' } } });
  });

  it('rejects text with a word from the configurable list', async () => {
    expect(await port.checkText({ content: '今天学习了党章', openid: 'o1' })).toEqual({ pass: true });
    await fetch(`${emulator.origin}/__/wechat/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bannedWords: ['敏感示例'] }) });
    expect(await port.checkText({ content: '这里有敏感示例内容', openid: 'o1' })).toMatchObject({ pass: false, label: 20006 });
  });
});
