/**
 * The shared set-up of a browser journey: `npm start` and Chromium for the file, one browser
 * context per person (each with its own session cookie), and small helpers for Taro's H5 DOM.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from './browser';
import { existsSync } from 'node:fs';
import { SEEDED_TEMPLATE, startApp, type StartedApp } from './server';

export interface Journey {
  origin(): string;
  /** A new person: a browser context of their own, 390×844 like a phone. */
  person(): Promise<Page>;
  /** Signs in on the dev sign-in page as the seeded person with this name; lands on 我的. */
  signIn(page: Page, name: string): Promise<void>;
  /** The seeded person's name for an openid. */
  nameOf(openid: string): Promise<string>;
}

/** Registers beforeAll/afterAll for the file and returns its journey helpers. */
export function useJourney(): Journey {
  let app: StartedApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startApp({ from: existsSync(SEEDED_TEMPLATE) ? SEEDED_TEMPLATE : undefined });
    console.log(`npm start ready in ${app.readySeconds.toFixed(1)} s`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  return {
    origin: () => app.origin,
    async person() {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, acceptDownloads: true });
      contexts.push(context);
      return context.newPage();
    },
    async signIn(page, name) {
      await page.goto(`${app.origin}/__/auth`);
      await page.getByRole('button', { name: `以${name}身份登录` }).click();
      await page.waitForURL(/pages\/mine/);
    },
    async nameOf(openid) {
      const people = (await (await fetch(`${app.origin}/__/auth/people`)).json()) as Array<{ openid: string; name: string }>;
      const found = people.find((p) => p.openid === openid);
      if (!found) throw new Error(`no seeded person ${openid}`);
      return found.name;
    },
  };
}

/** Taro's H5 components carry the aria-label on their host element. */
export const byLabel = (page: Page, label: string) => page.locator(`[aria-label="${label}"]`).first();
export const shotPath = (name: string) => join(ARTIFACTS, name);
export const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: true });

/** Taro's H5 showModal renders a DOM dialog: accept it. */
export async function accept(page: Page): Promise<void> {
  const confirm = page.locator('.taro-model__confirm');
  await confirm.waitFor({ state: 'visible', timeout: 10000 });
  await confirm.click();
  await confirm.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}
