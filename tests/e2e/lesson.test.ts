/**
 * 微型党课 end to end in the H5 build, in 网络运维党支部: the secretary records a lesson
 * (uploading the shipped 6-second video through the file chooser), publishes it, opens its
 * poster and downloads it; the QR code is decoded from the downloaded PNG (jsQR + pngjs) and
 * opened by a member in another browser context, who plays the video to the end (已学完) and
 * finds the lesson's points on 积分. Someone not yet a member who scans it sees the invitation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { RULE_LABELS } from '../../shared/points/rules';
import { accept, byLabel, shot, useJourney } from './support/session';

import { PNG } from 'pngjs';

const journey = useJourney();
const VIDEO = join(__dirname, '..', 'fixtures', 'media', 'lesson-demo.mp4');
const TITLE = `端到端党课${Date.now().toString(36).slice(-4)}`;

/** Plays the lesson's video muted (headless autoplay rules) from the start. */
async function playVideo(page: Page): Promise<void> {
  const video = page.locator('video').first();
  await video.waitFor({ state: 'attached', timeout: 30000 });
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
}

describe('微型党课: record → publish → poster → scan → watch → points', () => {
  it('the secretary records and publishes; a member scans the poster and completes the lesson', async () => {
    const origin = journey.origin();
    const secretaryName = await journey.nameOf('o_demo_b-netops-m01');
    const memberName = await journey.nameOf('o_demo_b-netops-m20');

    // The secretary: 学习 → 录制党课, the video through the file chooser, submitted.
    const secretary = await journey.person();
    await journey.signIn(secretary, secretaryName);
    await secretary.goto(`${origin}/#/pages/study/index`);
    await byLabel(secretary, '录制党课').click({ timeout: 30000 });
    await secretary.waitForURL(/pages\/lesson-new/);
    await secretary.locator('input[aria-label="标题"]').fill(TITLE, { timeout: 30000 });
    await secretary.locator('textarea[aria-label="内容简介"]').fill('结合网络运维工作，谈谈党员如何在保障通信畅通中发挥先锋模范作用。');
    const [chooser] = await Promise.all([secretary.waitForEvent('filechooser', { timeout: 30000 }), byLabel(secretary, '选择视频').click()]);
    await chooser.setFiles(VIDEO);
    await secretary.getByText('视频已上传').first().waitFor({ timeout: 30000 });
    await secretary.getByText(/时长 6秒/).first().waitFor();
    await shot(secretary, 'lesson-new.png');
    await byLabel(secretary, '提交党课').click();
    await secretary.getByText('已提交，等待书记发布').first().waitFor({ timeout: 30000 });
    // …and back to 学习, where the submitted lesson is listed as 待发布 for the secretary.
    await secretary.waitForURL(/pages\/study\/index/, { timeout: 10000 });
    await secretary.getByText('已提交，等待书记发布').first().waitFor({ state: 'hidden', timeout: 10000 });
    await byLabel(secretary, `${TITLE}，主讲${secretaryName}，时长6秒，待发布，未学`).waitFor({ timeout: 30000 });
    await shot(secretary, 'lesson-study-tab.png');

    // 我的 → 书记工作台 → 微型党课 → preview → 发布 (confirmed).
    await secretary.goto(`${origin}/#/pages/mine/index`);
    await byLabel(secretary, '进入书记工作台').click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/index/);
    await secretary.locator('taro-button-core[aria-label="微型党课"]').first().click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/lessons/);
    await byLabel(secretary, `发布：${TITLE}`).waitFor({ timeout: 30000 });
    await byLabel(secretary, `预览视频：${TITLE}`).click();
    await secretary.locator('video').first().waitFor({ state: 'attached', timeout: 30000 });
    await shot(secretary, 'lesson-secretary-draft.png');
    await byLabel(secretary, `发布：${TITLE}`).click();
    await accept(secretary);
    await byLabel(secretary, `海报：${TITLE}`).waitFor({ timeout: 30000 });
    await secretary.getByText('已学完 0 人', { exact: false }).first().waitFor({ timeout: 30000 });
    await shot(secretary, 'lesson-secretary-published.png');

    // 海报 → 保存海报 → the PNG download; the QR in it decodes to the lesson's URL.
    await byLabel(secretary, `海报：${TITLE}`).click();
    await secretary.waitForURL(/pages\/lesson-poster/);
    const save = byLabel(secretary, '保存海报');
    await secretary.waitForFunction(() => {
      const b = document.querySelector('[aria-label="保存海报"]');
      return Boolean(b) && !b!.hasAttribute('disabled');
    }, undefined, { timeout: 30000 });
    await save.click();
    const link = secretary.locator('a[download]').first();
    await link.waitFor({ timeout: 30000 });
    await shot(secretary, 'lesson-poster.png');
    const [download] = await Promise.all([secretary.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`微型党课-${TITLE}.png`);
    const file = await download.path();
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThanOrEqual(750);
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    expect(qr).not.toBeNull();
    const url = qr!.data;
    expect(url).toMatch(/#\/subpackages\/study\/pages\/lesson\/index\?scene=/);
    // The code is large: its finder patterns are ≥ 360 px apart corner to corner.
    const side = Math.hypot(qr!.location.topRightCorner.x - qr!.location.topLeftCorner.x, qr!.location.topRightCorner.y - qr!.location.topLeftCorner.y);
    expect(side).toBeGreaterThanOrEqual(360);

    // Someone not yet a member scans it: the invitation, and the video still plays.
    const stranger = await journey.person();
    await stranger.goto(`${origin}/__/auth`);
    await stranger.getByRole('button', { name: '以未加入支部的新微信用户身份登录' }).click();
    await stranger.waitForURL(/pages\/mine/);
    await stranger.goto(url);
    await stranger.getByText('欢迎学习网络运维党支部的微型党课').first().waitFor({ timeout: 30000 });
    await byLabel(stranger, '去加入支部').waitFor();
    await shot(stranger, 'lesson-invite.png');

    // A member scans it in another context and watches to the end.
    const member = await journey.person();
    await journey.signIn(member, memberName);
    await member.goto(url);
    await member.getByText(TITLE).first().waitFor({ timeout: 30000 });
    await member.getByRole('status').filter({ hasText: '未学' }).first().waitFor({ timeout: 30000 });
    await playVideo(member);
    await member.getByRole('status').filter({ hasText: '已学完' }).first().waitFor({ timeout: 30000 });
    await shot(member, 'lesson-completed.png');

    // 积分: the lesson's entry with its rule.
    await member.goto(`${origin}/#/pages/points/index`);
    const entry = member.getByText(`学完《${TITLE}》`).first();
    await entry.waitFor({ timeout: 30000 });
    await member.getByText(new RegExp(RULE_LABELS.lessonCompleted)).first().waitFor();
    await entry.scrollIntoViewIfNeeded();
    await shot(member, 'lesson-points.png');

    // The secretary's completion list now has the member.
    await secretary.goto(`${origin}/#/subpackages/secretary/pages/lessons/index`);
    await byLabel(secretary, `学习情况：${TITLE}`).click({ timeout: 30000 });
    await secretary.waitForURL(/pages\/lesson-completion/);
    await secretary.getByText('已学完（1）').first().waitFor({ timeout: 30000 });
    await secretary.locator(`[aria-label^="${memberName}，"][aria-label$="学完"]`).first().waitFor({ timeout: 10000 });
    await shot(secretary, 'lesson-completion.png');
  });
});
