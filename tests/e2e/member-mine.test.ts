import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, launchChromium } from './support/browser';
import { existsSync } from 'node:fs';
import { SEEDED_TEMPLATE, startApp, type StartedApp } from './support/server';

let app: StartedApp;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  // The run's fresh npm start seeded this demo company (support/global-setup.ts); this one starts from its copy.
  app = await startApp({ from: existsSync(SEEDED_TEMPLATE) ? SEEDED_TEMPLATE : undefined });
  console.log(`npm start ready in ${app.readySeconds.toFixed(1)} s`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a member opens the H5 app from npm start', () => {
  it('signs in as a seeded member and sees 我的 with name, branch and roles', async () => {
    const people = (await (await fetch(`${app.origin}/__/auth/people`)).json()) as Array<{ openid: string; name: string; branchName: string }>;
    const person = people.find((p) => p.openid === 'o_demo_b-netops-m01');
    expect(person).toBeDefined();

    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await page.goto(`${app.origin}/__/auth`);
    await page.getByRole('button', { name: `以${person!.name}身份登录` }).click();
    await page.waitForURL(/pages\/mine/);
    await page.getByText(person!.name).first().waitFor({ timeout: 30000 });
    await page.getByText('网络运维党支部').first().waitFor();
    await page.getByText('支部书记').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'member-mine.png') });
    await page.close();
  });

  it('shows a WeChat user who has not joined a branch the not-a-member state', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.origin}/__/auth`);
    await page.getByRole('button', { name: '以未加入支部的新微信用户身份登录' }).click();
    await page.waitForURL(/pages\/mine/);
    await page.getByText('您还不是支部成员').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(ARTIFACTS, 'not-a-member.png') });
    await page.close();
  });
});
