import type { BrowserContext, Page } from 'playwright-core';
import { logInAs, onPage, openPhoneBrowser } from './browser';

/** Each person in a browser of their own, logged in through the H5 dev login. */
export async function openBrowserAs(nickname: string): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await openPhoneBrowser();
  const page = await browser.newPage();
  await logInAs(page, nickname);
  return { browser, page };
}

/** 活动 tab -> the session's card -> its page. */
export async function openSession(page: Page, title: string): Promise<void> {
  await page.locator('.taro-tabbar__tabbar').getByText('活动').click();
  await onPage(page, '/pages/sessions/index').locator('.session-card', { hasText: title }).click();
  await onPage(page, '/member/session/index').locator('.session-title', { hasText: title }).waitFor();
}

/** The 群主 schedules an online session with one seat and lands on its page. */
export async function scheduleOneSeatSession(owner: Page, title: string, meetingLink: string): Promise<void> {
  await owner.locator('.taro-tabbar__tabbar').getByText('活动').click();
  await onPage(owner, '/pages/sessions/index').locator('.session-schedule').click();
  const editor = onPage(owner, '/owner/session-editor/index');
  await editor.locator('.field--title input').fill(title);
  await editor.locator('.field--link input').fill(meetingLink);
  await editor.locator('.field--capacity input').fill('1');
  await editor.locator('taro-button-core', { hasText: '发布活动' }).click();
  await onPage(owner, '/member/session/index').locator('.session-title', { hasText: title }).waitFor();
}
