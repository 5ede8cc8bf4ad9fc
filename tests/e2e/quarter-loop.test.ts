/**
 * The quarter loop end to end in the H5 build, in 市场经营党支部: the secretary closes and
 * publishes the previous quarter, issues 三单 to a 较差 member, the member answers an item,
 * the secretary verifies it and exports the 季度通报 (an xlsx read back with exceljs). The
 * member's 积分 shows the seeded entries labelled （示例数据）.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { accept, byLabel, shot, shotPath, useJourney } from './support/session';

const journey = useJourney();
const app = { get origin() { return journey.origin(); } };
const person = () => journey.person();
const signIn = (page: Page, name: string) => journey.signIn(page, name);

describe('the quarter loop in 市场经营党支部', () => {
  it('close → publish → 三单 → answer → verify → 季度通报', async () => {
    const people = (await (await fetch(`${app.origin}/__/auth/people`)).json()) as Array<{ openid: string; name: string }>;
    const secretaryName = people.find((p) => p.openid === 'o_demo_b-market-m01')?.name;
    expect(secretaryName).toBeDefined();

    // 书记工作台 → 季度考评 (the previous quarter by default).
    const secretary = await person();
    await signIn(secretary, secretaryName as string);
    await byLabel(secretary, '进入书记工作台').click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/index/);
    await byLabel(secretary, '季度考评').click({ timeout: 30000 });
    await secretary.waitForURL(/pages\/quarter/);
    await secretary.getByText('季度状态').first().waitFor({ timeout: 30000 });
    const closeBtn = byLabel(secretary, '关闭季度');
    if (await closeBtn.isVisible().catch(() => false)) {
      await closeBtn.click();
      await accept(secretary);
      await secretary.getByText('结果预览').first().waitFor({ timeout: 30000 });
      await shot(secretary, 'quarter-closed.png');
    }
    await byLabel(secretary, '发布结果').click({ timeout: 30000 });
    await accept(secretary);
    await byLabel(secretary, '导出季度通报').waitFor({ timeout: 30000 });
    const issueBtn = secretary.locator('[aria-label^="给"][aria-label$="下发三单"]').first();
    await issueBtn.waitFor({ timeout: 30000 });
    await shot(secretary, 'quarter-published.png');
    const memberName = ((await issueBtn.getAttribute('aria-label')) ?? '').replace(/^给/, '').replace(/下发三单$/, '');
    const memberOpenid = people.find((p) => p.name === memberName && p.openid.startsWith('o_demo_b-market'))?.openid ?? people.find((p) => p.name === memberName)?.openid;
    expect(memberOpenid).toBeDefined();

    // 下发三单: one row of each list and a due date (the picker's default: today).
    await issueBtn.click();
    await secretary.waitForURL(/pages\/rectification-issue/);
    await secretary.locator('textarea[aria-label="责任1"]').fill('按时参加支部组织生活，完成学习任务');
    await secretary.locator('textarea[aria-label="问题1"]').fill('本季度积分偏低，组织生活参与不足');
    await secretary.locator('textarea[aria-label="整改事项1"]').fill('补学本季度支部会议精神并写心得');
    await byLabel(secretary, '整改期限1：未设置').click();
    await secretary.locator('.weui-picker__action', { hasText: '确定' }).first().click();
    await secretary.locator('[aria-label^="整改期限1："]:not([aria-label$="未设置"])').first().waitFor({ timeout: 10000 });
    await shot(secretary, 'rectification-issue.png');
    await byLabel(secretary, '确认下发三单').click();
    await accept(secretary);
    await secretary.waitForURL(/pages\/quarter/, { timeout: 30000 });

    // The member: 我的 → 整改事项 → answer (text only), and 积分 shows the seeded entries.
    const member = await person();
    await signIn(member, memberName);
    await member.locator('[aria-label^="查看整改事项"]').first().click({ timeout: 30000 });
    await member.waitForURL(/pages\/rectification/);
    await member.locator('textarea[aria-label="整改情况"]').first().fill('已补学本季度会议精神，并写了一千字心得体会。');
    await byLabel(member, '提交整改情况：补学本季度支部会议精神并写心得').click();
    await member.getByText('已提交').first().waitFor({ timeout: 30000 });
    await shot(member, 'rectification-answered.png');
    await member.goto(`${app.origin}/#/pages/points/index`);
    await member.getByText(/（示例数据）/).first().waitFor({ timeout: 30000 });
    await shot(member, 'member-points-demo.png');

    // The secretary: 三单整改 → 核验通过.
    await secretary.goto(`${app.origin}/#/subpackages/secretary/pages/rectifications/index`);
    await secretary.locator('[aria-label="核验通过：补学本季度支部会议精神并写心得"]').first().click({ timeout: 30000 });
    await accept(secretary);
    await secretary.getByText('已核验').first().waitFor({ timeout: 30000 });
    await shot(secretary, 'rectification-verified.png');

    // 导出季度通报 → the link → the workbook.
    await secretary.goto(`${app.origin}/#/subpackages/secretary/pages/quarter/index`);
    await byLabel(secretary, '导出季度通报').click({ timeout: 30000 });
    const link = secretary.locator('a[download]').first();
    await link.waitFor({ timeout: 30000 });
    await link.scrollIntoViewIfNeeded();
    await secretary.screenshot({ path: shotPath('bulletin-exported.png') });
    const href = (await link.getAttribute('href')) ?? '';
    const res = await secretary.context().request.get(new URL(href, app.origin).toString());
    expect(res.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('积分排名');
    const sheet = workbook.getWorksheet('积分排名')!;
    // Row 1 is the merged title; the header row names 名次, the first data row follows it.
    let headerRow = 0;
    let rankCol = 0;
    sheet.eachRow((row, n) => {
      if (headerRow) return;
      row.eachCell((cell, col) => {
        if (cell.value === '名次') {
          headerRow = n;
          rankCol = col;
        }
      });
    });
    expect(headerRow).toBeGreaterThan(0);
    expect(Number(sheet.getRow(headerRow + 1).getCell(rankCol).value)).toBe(1);
  });
});
