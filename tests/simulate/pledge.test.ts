/**
 * The built weapp's 承诺 pages: the signature pad on a Taro Canvas type 2d (node from
 * createSelectorQuery, bitmap = size × pixel ratio, canvas-relative touches), exported with
 * `canvasToTempFilePath({canvas})` and uploaded with `wx.cloud.uploadFile`; then 承诺书
 * drawn on a 2d canvas with the signature loaded by `canvas.createImage()` from the
 * emulator's storage, and saved with `saveImageToPhotosAlbum` (a refused album explained).
 */
import { COLLECTIONS } from '../../shared/db/collections';
import { PHONE, type DrawOp } from './device';
import { assertBuilt, createWeappHarness, type WeappHarness } from './harness';
import { startStack, type SimulateStack } from './stack';

const PLEDGE = 'subpackages/identity/pages/pledge/index';
const LETTER = 'subpackages/identity/pages/pledge-letter/index';

let stack: SimulateStack;
let weapp: WeappHarness;
let member: { openid: string; name: string };

beforeAll(async () => {
  assertBuilt();
  stack = await startStack();
  weapp = createWeappHarness(stack.origin);
  const plain = (await stack.people()).filter((p) => p.roles.includes('member') && !p.roles.includes('secretary'));
  if (!plain.length) throw new Error('seed has no plain member');
  member = plain[0];
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const ITEMS = [
  ['全年完成5G基站开通120个', '以网管系统统计为准'],
  ['季度客户投诉处理率达到百分之百', '以客服工单系统为准'],
  ['带头参加岗位技能培训四次', '以培训签到记录为准'],
] as const;

const texts = (ops: DrawOp[]) => ops.filter((o) => o.op === 'fillText').map((o) => String(o.args[0]));

async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = probe();
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await weapp.simulate.sleep(20);
  }
}

/** One stroke through the points, as a finger on the pad: touchstart, touchmoves, touchend. */
async function stroke(page: ReturnType<WeappHarness['renderPage']>, points: Array<[number, number]>) {
  const [first, ...rest] = points;
  await weapp.fire(page, '#pledge-signature', 'touchstart', { touches: [{ x: first[0], y: first[1] }] });
  for (const [x, y] of rest) await weapp.fire(page, '#pledge-signature', 'touchmove', { touches: [{ x, y }] });
  await weapp.fire(page, '#pledge-signature', 'touchend', { touches: [] });
}

describe('built weapp: sign the pledge with a handwritten signature, then save the letter', () => {
  it('writes the three parts, signs on the 2d canvas pad, uploads the PNG and signs on the server', async () => {
    const token = await stack.signIn(member.openid);
    weapp.setSession(token);
    const page = weapp.renderPage(PLEDGE);
    await weapp.waitForText(page, (t) => t.includes('签署承诺书') && t.includes('岗位履职'));

    const inputs = weapp.all(page, 'wx-input');
    expect(inputs).toHaveLength(6);
    for (const [i, [text, measure]] of ITEMS.entries()) {
      await weapp.fire(page, inputs[2 * i], 'input', { detail: { value: text } });
      await weapp.fire(page, inputs[2 * i + 1], 'input', { detail: { value: measure } });
    }
    await weapp.waitForText(page, (t) => !t.includes('还需填写'));

    await weapp.fire(page, weapp.byText(page, '手写签名'), 'tap');
    await weapp.waitForText(page, (t) => t.includes('清除') && t.includes('确定'));
    // The pad found its node by createSelectorQuery and sized the bitmap: CSS size × pixel ratio.
    const pad = await waitFor('the signature canvas node', () => weapp.device.canvases.get('pledge-signature'));
    const cssWidth = Math.max(240, Math.min(640, PHONE.windowWidth - 72));
    expect(pad.width).toBe(cssWidth * PHONE.pixelRatio);
    expect(pad.height).toBe(Math.max(160, Math.round(cssWidth * 0.5)) * PHONE.pixelRatio);
    expect(pad.ops.some((o) => o.op === 'scale' && o.args[0] === PHONE.pixelRatio)).toBe(true);

    // 确定 with nothing written is refused by the pad, nothing exported.
    await weapp.fire(page, weapp.byText(page, '确定'), 'tap');
    await weapp.waitForText(page, (t) => t.includes('请先在框内手写签名'));
    expect(weapp.device.exports).toHaveLength(0);

    // Two strokes of a name, in canvas coordinates (weapp's touches carry x/y on the canvas).
    await stroke(page, [[40, 60], [60, 62], [80, 66], [100, 70], [120, 72], [140, 75]]);
    await stroke(page, [[90, 30], [92, 50], [94, 70], [96, 90], [98, 110], [100, 130]]);
    await weapp.waitForText(page, (t) => t.includes('已签写'));
    const lines = pad.ops.filter((o) => o.op === 'lineTo').map((o) => o.args);
    expect(lines).toContainEqual([140, 75]);
    expect(lines).toContainEqual([100, 130]);

    await weapp.fire(page, weapp.byText(page, '确定'), 'tap');
    await weapp.waitForText(page, (t) => t.includes('重新签名') && !t.includes('还没有手写签名'));
    expect(weapp.device.exports).toEqual([expect.objectContaining({ canvas: 'pledge-signature', fileType: 'png' })]);

    // 签署 asks first (签署后不能修改); the member confirms.
    weapp.device.confirmModals = true;
    try {
      await weapp.fire(page, weapp.byText(page, '签署承诺书'), 'tap');
      await waitFor('the 承诺书已签署 toast', () => weapp.device.toasts.includes('承诺书已签署'), 15000);
    } finally {
      weapp.device.confirmModals = false;
    }
    expect(weapp.device.modals.some((m) => m.title === '签署承诺书？')).toBe(true);

    const upload = weapp.device.uploads.at(-1);
    if (!upload) throw new Error('the signature was not uploaded');
    expect(upload.cloudPath).toMatch(/\/signature-[a-z0-9]+\.png$/);
    expect(upload.bytes).toEqual(weapp.device.files.get(weapp.device.exports[0].path));

    const mine = await stack.call<{ pledge: { signedAt: string | null; signatureUrl?: string | null; parts?: unknown } | null }>('pledge.mine', {}, token);
    expect(mine.body.data?.pledge?.signedAt).toEqual(expect.any(String));
    const pledges = await stack.collection<{ memberName?: string; signature?: string; parts?: Record<string, Array<{ text: string; measure: string }>> }>(COLLECTIONS.pledges);
    const stored = pledges.find((p) => p.signature === upload.fileID);
    expect(stored).toBeDefined();
    expect(JSON.stringify(stored?.parts)).toContain(ITEMS[0][0]);
    expect(JSON.stringify(stored?.parts)).toContain(ITEMS[2][1]);
  });

  it('承诺书 is drawn on a 2d canvas with the stored signature image, and saved to the album', async () => {
    weapp.setSession(await stack.signIn(member.openid));
    const page = weapp.renderPage(LETTER);
    await weapp.waitForText(page, (t) => t.includes('年度承诺书') && t.includes('保存图片') && !t.includes('正在生成承诺书'), 15000);
    expect(weapp.text(page)).not.toContain('承诺书图片生成失败');

    const letter = await waitFor('the letter canvas', () => weapp.device.canvases.get('pledge-letter') ?? [...weapp.device.canvases.values()].find((c) => c.id !== 'pledge-signature'));
    const drawn = texts(letter.ops);
    expect(drawn.join('|')).toContain('党员承诺书');
    expect(drawn.join('|')).toContain(member.name);
    for (const [text, measure] of ITEMS) {
      // Long items wrap over lines: every character is drawn, in order.
      expect(drawn.join('')).toContain(text.slice(0, 6));
      expect(drawn.join('')).toContain(measure.slice(0, 6));
    }
    // The signature came from the emulator's storage (a real PNG), into the letter.
    expect(letter.images.length).toBeGreaterThan(0);
    expect(letter.images.every((i) => i.loaded)).toBe(true);
    expect(letter.ops.some((o) => o.op === 'drawImage')).toBe(true);

    await weapp.fire(page, weapp.byText(page, '保存图片'), 'tap');
    await waitFor('the album', () => weapp.device.album.length === 1);
    expect(weapp.device.exports.at(-1)).toMatchObject({ canvas: letter.id, fileType: 'png' });
    expect(weapp.device.toasts).toContain('承诺书已保存到相册');

    // A refused album: explained, with 去设置; nothing saved.
    weapp.device.albumRefused = true;
    try {
      await weapp.fire(page, weapp.byText(page, '保存图片'), 'tap');
      await waitFor('the album permission modal', () => weapp.device.modals.some((m) => m.title === '需要相册权限'));
    } finally {
      weapp.device.albumRefused = false;
    }
    expect(weapp.device.album).toHaveLength(1);
  });
});
