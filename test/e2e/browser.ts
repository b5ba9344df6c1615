import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags from FACTS.md: without the background-networking ones Chromium floods this closed network.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through `npm run test:e2e`');
  return url;
}

/** A phone-sized browser with a fresh profile, as a member opening the H5 app for the first time. */
export async function openPhoneBrowser(
  viewport: { width: number; height: number } = { width: 375, height: 812 },
): Promise<BrowserContext> {
  if (!existsSync(chromiumPath))
    throw new Error(`no chromium at ${chromiumPath}: apt-get install -y chromium`);
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'qy-chromium-')), {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Taro H5 keeps earlier pages in the DOM: scope every lookup to the page being shown. */
export function onPage(page: Page, path: string): Locator {
  return page.locator(`[id^="${path}"]`).locator('visible=true');
}

/** Opens the app and logs in through the H5 dev login as a seeded demo user; resolves on 首页. */
export async function logInAs(page: Page, nickname: string): Promise<void> {
  await page.goto(baseUrl());
  await page.locator('.dev-user', { hasText: nickname }).click();
  await onPage(page, '/pages/index/index').locator('.community-name').waitFor();
}

/** One phone browser for the tests of a describe block: opened before them, closed after them. */
export function phoneBrowser(): { readonly page: Page } {
  let browser: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await openPhoneBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get page() {
      if (!page) throw new Error('the phone browser opens in beforeAll');
      return page;
    },
  };
}
