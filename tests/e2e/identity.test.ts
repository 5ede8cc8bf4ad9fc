/**
 * 身份意识 end to end in the H5 build, as a seeded member of 网络运维党支部 without a pledge and
 * without demo check-ins this quarter (b-netops-m21: the demo seed gives member i (i·7) mod 20
 * check-ins going back from yesterday, none for the 21st), so today's check-in starts a streak:
 * 我的 → 我的承诺, one item in each of the three parts, a signature drawn with the mouse on the
 * pad, 签署承诺书 (confirmed); the 承诺书 image (downloaded PNG checked), the member on the
 * 承诺公开栏; then 徽章打卡 with a photo through the file chooser: 打卡成功, 连续打卡 1 天 and the
 * member on today's wall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { accept, byLabel, shot, useJourney } from './support/session';

// pngjs ships no type declarations: the one call used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } } };

const journey = useJourney();
const PHOTO = join(__dirname, '..', 'fixtures', 'media', 'lesson-cover.jpg');

const ITEMS = [
  ['业务发展承诺', '年内发展政企专线客户3家', '合同签订为准'],
  ['目标任务承诺', '负责基站故障处理及时率100%', '网管系统统计'],
  ['岗位履职承诺', '每月开展一次机房安全巡检', '巡检记录齐全'],
] as const;

/** Writes on the signature pad with the mouse: down, a wavy line of moves, up. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.locator('canvas[aria-label^="签名区域"]').first();
  await pad.waitFor({ timeout: 30000 });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad has no box');
  const y0 = box.y + box.height / 2;
  await page.mouse.move(box.x + 24, y0);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(box.x + 24 + i * ((box.width - 60) / 24), y0 + Math.sin(i / 2) * box.height * 0.25);
  }
  await page.mouse.up();
  // A second stroke, like a surname's dot.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.4, { steps: 5 });
  await page.mouse.up();
}

/** The shown element with this label (Taro H5 keeps earlier pages in the DOM, hidden). */
const shown = (page: Page, label: string) => page.locator(`[aria-label="${label}"]`).locator('visible=true').first();

/** Taro H5 slides a new page in: let it settle before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(700);

/** An image (Taro's Image host or the <img> itself) with this label has loaded. */
const imageLoaded = (page: Page, label: string) =>
  page.waitForFunction(
    (l) =>
      Array.from(document.querySelectorAll(`[aria-label="${l}"]`)).some((el) => {
        const img = (el.tagName === 'IMG' ? el : el.querySelector('img')) as HTMLImageElement | null;
        return Boolean(img && img.complete && img.naturalWidth > 0);
      }),
    label,
    { timeout: 30000 },
  );

/** Ink on the pad: dark pixels in the canvas bitmap. */
const inkPixels = (page: Page) =>
  page.locator('canvas[aria-label^="签名区域"]').first().evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100) n++;
    return n;
  });

describe('身份意识: pledge with a drawn signature, the public board, a badge check-in', () => {
  it('a member signs a pledge, sees it on the board, then checks in with a photo', async () => {
    const origin = journey.origin();
    const name = await journey.nameOf('o_demo_b-netops-m21');
    const page = await journey.person();
    await journey.signIn(page, name);

    // 我的 → 我的承诺
    await byLabel(page, '我的承诺').click({ timeout: 30000 });
    await page.waitForURL(/pages\/pledge\/index/);
    await page.getByText(/\d{4}年度党员承诺/).first().waitFor({ timeout: 30000 });
    await page.getByText('还需填写：业务发展承诺、目标任务承诺、岗位履职承诺', { exact: false }).first().waitFor();
    expect(await byLabel(page, '签署承诺书').getAttribute('disabled')).not.toBeNull();

    for (const [part, text, measure] of ITEMS) {
      await page.locator(`input[aria-label="${part}1 承诺内容"]`).fill(text);
      await page.locator(`input[aria-label="${part}1 衡量标准"]`).fill(measure);
    }
    await page.getByText('修改已保存在本机，尚未保存到服务器').first().waitFor();

    // 确定 on an empty pad is refused; then the signature is drawn with the mouse.
    await byLabel(page, '手写签名').click();
    await byLabel(page, '确定签名').click();
    await page.getByText('请先在框内手写签名').first().waitFor({ timeout: 10000 });
    await drawSignature(page);
    expect(await inkPixels(page)).toBeGreaterThan(200);
    await page.getByText('已签写，可点“确定”使用此签名').first().waitFor();
    await shot(page, 'identity-pledge-pad.png');
    await byLabel(page, '确定签名').click();
    await imageLoaded(page, '我的手写签名');
    await page.waitForFunction(() => {
      const b = document.querySelector('[aria-label="签署承诺书"]');
      return Boolean(b) && !b!.hasAttribute('disabled');
    }, undefined, { timeout: 10000 });
    await shot(page, 'identity-pledge-draft.png');

    // 签署承诺书 (confirmed): saved, the PNG uploaded, signed.
    await byLabel(page, '签署承诺书').click();
    await accept(page);
    await page.getByText('已签署').first().waitFor({ timeout: 30000 });
    await page.getByText(ITEMS[0][1]).first().waitFor();
    await imageLoaded(page, `${name}的手写签名`);
    expect(await page.locator(`input[aria-label="${ITEMS[0][0]}1 承诺内容"]`).count()).toBe(0);
    await shot(page, 'identity-pledge-signed.png');

    // 查看承诺书: drawn with the signature, downloaded as a PNG.
    await byLabel(page, '查看承诺书').click();
    await page.waitForURL(/pages\/pledge-letter/);
    await page.waitForFunction(() => {
      const b = document.querySelector('[aria-label="保存承诺书图片"]');
      return Boolean(b) && !b!.hasAttribute('disabled');
    }, undefined, { timeout: 30000 });
    await settle(page);
    await shot(page, 'identity-pledge-letter.png');
    await byLabel(page, '保存承诺书图片').click();
    const link = page.locator('a[download]').first();
    await link.waitFor({ timeout: 10000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^承诺书-${name}-\\d{4}\\.png$`));
    const png = PNG.sync.read(readFileSync(await download.path()));
    expect(png.width).toBeGreaterThanOrEqual(750);
    expect(png.height).toBeGreaterThan(png.width);

    // 承诺公开栏: the member's name, with the parts folded until opened.
    await page.goto(`${origin}/#/subpackages/identity/pages/pledge-board/index`);
    const card = page.locator(`[aria-label^="查看承诺：${name}，"]`).first();
    await card.waitFor({ timeout: 30000 });
    await byLabel(page, `展开${name}的承诺内容`).click();
    // Earlier pages stay in the DOM (hidden) under Taro H5's router: look at the shown one.
    await page.getByText(`1. ${ITEMS[2][1]}`).locator('visible=true').first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, 'identity-pledge-board.png');

    // 我的 → 徽章打卡: a photo through the file chooser, submitted.
    await page.goto(`${origin}/#/pages/mine/index`);
    await shown(page, '徽章打卡').click({ timeout: 30000 });
    await page.waitForURL(/pages\/checkin/);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), shown(page, '拍照打卡').click({ timeout: 30000 })]);
    await chooser.setFiles(PHOTO);
    await shown(page, '提交打卡').click({ timeout: 30000 });
    await page.getByText('打卡成功').first().waitFor({ timeout: 30000 });
    await shown(page, '连续打卡 1 天').waitFor({ timeout: 30000 });
    await page.locator(`[role="listitem"][aria-label^="${name}，"][aria-label*="打卡"]`).first().waitFor({ timeout: 30000 });
    await settle(page);
    await shot(page, 'identity-checkin.png');
  });
});
