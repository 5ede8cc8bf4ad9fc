/**
 * 支部任务 end to end in the H5 build, in 网络运维党支部: the secretary publishes a task to the
 * whole branch (done by 确认完成) from 书记工作台 → 支部任务 → 发布任务, lands on its board and
 * reads the share path (H5 shows it as text in place of WeChat's share); a member sees it open
 * on 首页, opens the shared path in another browser context and completes it; the task is no
 * longer open on the member's 首页 and the secretary's board (reloaded) shows the member 已完成.
 */
import type { Page } from 'playwright-core';
import { accept, byLabel, shot, useJourney } from './support/session';

const journey = useJourney();
const TITLE = `端到端任务${Date.now().toString(36).slice(-4)}`;

/** The shown element with this label (Taro H5 keeps earlier pages in the DOM, hidden). */
const shown = (page: Page, label: string) => page.locator(`[aria-label="${label}"]`).locator('visible=true').first();

/** Taro H5 slides a new page in: let it settle before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(700);

describe('支部任务: publish → share path → a member completes → the board shows it done', () => {
  it('the secretary publishes a task; a member opens its share path and completes it', async () => {
    const origin = journey.origin();
    const secretaryName = await journey.nameOf('o_demo_b-netops-m01');
    const memberName = await journey.nameOf('o_demo_b-netops-m22');

    // 我的 → 书记工作台 → 支部任务 → 发布任务.
    const secretary = await journey.person();
    await journey.signIn(secretary, secretaryName);
    await byLabel(secretary, '进入书记工作台').click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/index/);
    await secretary.locator('taro-button-core[aria-label="支部任务"]').first().click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/tasks/);
    await shown(secretary, '发布任务').click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/task-new/);

    await secretary.locator('input[aria-label="任务标题"]').fill(TITLE, { timeout: 30000 });
    await secretary.locator('textarea[aria-label="任务内容"]').fill('请认真学习支部书记讲的专题党课，完成后点“确认完成”。');
    await secretary.locator('[aria-label="任务类型"] [aria-label="学习"]').first().click();
    await secretary.locator('[aria-label="完成方式"] [aria-label="确认完成"]').first().click();
    await secretary.locator('[aria-label="发送范围"] [aria-label="全支部"]').first().click();
    await secretary.getByText('支部全体党员都会收到这项任务。').first().waitFor();
    await shot(secretary, 'task-new.png');
    await shown(secretary, '发布任务').click();
    await accept(secretary);

    // The board: everyone targeted, nobody done yet; the share path as text.
    await secretary.waitForURL(/subpackages\/secretary\/pages\/task-board/, { timeout: 30000 });
    const sharePath = secretary.locator('[aria-label^="分享链接："]').locator('visible=true').first();
    await sharePath.waitFor({ timeout: 30000 });
    const path = ((await sharePath.textContent()) ?? '').trim();
    expect(path).toMatch(/^\/subpackages\/work\/pages\/task\/index\?id=[\w-]+$/);
    await secretary.locator(`[aria-label="${memberName}，未完成"]`).first().waitFor({ timeout: 30000 });
    await secretary.getByText(/^0 \/ \d+ 人（0%）$/).first().waitFor();
    await settle(secretary);
    await shot(secretary, 'task-board-published.png');

    // The member: the task is open on 首页.
    const member = await journey.person();
    await journey.signIn(member, memberName);
    await member.goto(`${origin}/#/pages/home/index`);
    await member.reload();
    const open = member.locator('[aria-label="待完成的任务"]').locator('visible=true').first();
    await open.getByText(TITLE).first().waitFor({ timeout: 30000 });
    await settle(member);
    await shot(member, 'task-home-open.png');

    // …opens the shared path (as the WeChat card would) and completes it.
    await member.goto(`${origin}/#${path}`);
    await member.reload();
    await member.getByText(TITLE).locator('visible=true').first().waitFor({ timeout: 30000 });
    await member.getByText('确认完成', { exact: true }).locator('visible=true').first().waitFor();
    await shot(member, 'task-member-open.png');
    await shown(member, '确认完成').click();
    await member.getByText(/^完成于 /).locator('visible=true').first().waitFor({ timeout: 30000 });
    expect(await member.locator('[aria-label="确认完成"]').locator('visible=true').count()).toBe(0);
    await settle(member);
    await shot(member, 'task-member-done.png');

    // 首页 no longer lists it as open.
    await member.goto(`${origin}/#/pages/home/index`);
    await member.reload();
    await member.getByText('我的任务').locator('visible=true').first().waitFor({ timeout: 30000 });
    await member.locator('[aria-label="待完成的任务"]').locator('visible=true').first().waitFor();
    expect(await member.getByText(TITLE).locator('visible=true').count()).toBe(0);
    await shot(member, 'task-home-after.png');

    // The secretary's board, reloaded: the member 已完成 with the time.
    await secretary.reload();
    const done = secretary.locator(`[aria-label^="${memberName}，已完成，"]`).locator('visible=true').first();
    await done.waitFor({ timeout: 30000 });
    await secretary.getByText(/^1 \/ \d+ 人（\d+%）$/).first().waitFor();
    await shown(secretary, '已完成 1 人').click();
    await done.scrollIntoViewIfNeeded();
    await settle(secretary);
    await shot(secretary, 'task-board-done.png');

    // The secretary's 首页: this quarter at a glance, with the task counted.
    await secretary.goto(`${origin}/#/pages/home/index`);
    await secretary.reload();
    const tasksTile = secretary.locator('[aria-label^="支部任务：本季度发布"]').locator('visible=true').first();
    await tasksTile.waitFor({ timeout: 30000 });
    expect(await tasksTile.getAttribute('aria-label')).toMatch(/本季度发布 \d+ 项，完成 [1-9]\d* \//);
    await settle(secretary);
    await shot(secretary, 'task-secretary-home.png');
  });
});
