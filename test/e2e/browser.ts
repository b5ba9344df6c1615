import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  const profile = mkdtempSync(join(tmpdir(), 'qy-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Closing the browser removes its profile too, or every run leaves one in the temp folder.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  return context;
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

/** Someone signed in through the API's dev login, for the calls that prepare a test's data. */
export interface ApiCaller {
  token: string;
  userId: string;
}

export async function devLoginThroughApi(name: string): Promise<ApiCaller> {
  const response = await fetch(`${baseUrl()}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`dev login of ${name}: ${response.status}`);
  const auth = (await response.json()) as { token: string; user: { id: string } };
  return { token: auth.token, userId: auth.user.id };
}

/** One API call as `caller`, answered as it comes (for tests that check refusals). */
export function requestApi(
  caller: ApiCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${caller.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** One API call as `caller` that must succeed; resolves to its JSON body. */
export async function callApi<T>(
  caller: ApiCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await requestApi(caller, method, path, body);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
