import type { BrowserContext, Page } from 'playwright-core';
import { logInAs, onPage, openPhoneBrowser } from './browser';

async function openAs(name: string): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await openPhoneBrowser();
  const page = await browser.newPage();
  await logInAs(page, name);
  await page.locator('.taro-tabbar__tabbar').getByText('推广').click();
  return { browser, page };
}

describe('promotion slots in the browser', () => {
  const browsers: BrowserContext[] = [];

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
  });

  it('a member requests a slot, the owner approves it, the member sees 已通过 and it is on the board', async () => {
    const title = '赵敏的插画小课';
    const member = await openAs('赵敏');
    browsers.push(member.browser);
    const tab = onPage(member.page, '/pages/promotions/index');
    await tab.locator('.promotion-eligibility--ok').waitFor();
    await tab.locator('.promotion-slot.is-requestable').first().click();
    const form = onPage(member.page, '/member/promotion-request/index');
    await form.locator('.field--title input').fill(title);
    await form
      .locator('.field--content textarea')
      .fill('每周三晚上教零基础的朋友画一张小插画，第一节免费试听。');
    await form.locator('.promotion-category .choice', { hasText: '课程' }).click();
    await form.locator('taro-button-core', { hasText: '提交申请' }).click();
    // Back on the 推广 tab once it is sent.
    const myRequest = tab.locator('.my-promotion-request', { hasText: title });
    await myRequest.locator('.promotion-status', { hasText: '待审核' }).waitFor();

    const owner = await openAs('李根');
    browsers.push(owner.browser);
    await onPage(owner.page, '/pages/promotions/index').locator('.promotion-review-entry').click();
    const review = onPage(owner.page, '/owner/promotion-review/index');
    const item = review.locator('.review-item', { hasText: title });
    await item.locator('.review-fact--verdict', { hasText: '通过内容安全检查' }).waitFor();
    await item.locator('.review-fact--last', { hasText: '从未推广' }).waitFor();
    await item.locator('taro-button-core', { hasText: '通过' }).first().click();
    await review.locator('.review-item', { hasText: title }).waitFor({ state: 'detached' });

    await member.page.reload();
    const reloaded = onPage(member.page, '/pages/promotions/index');
    await reloaded
      .locator('.my-promotion-request', { hasText: title })
      .locator('.promotion-status', { hasText: '已通过' })
      .waitFor();
    await reloaded.locator('.promotion-board .promotion-card', { hasText: title }).waitFor();
  });
});
