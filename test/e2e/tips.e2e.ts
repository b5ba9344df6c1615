import type { BrowserContext, Page } from 'playwright-core';
import { logInAs, onPage, openPhoneBrowser } from './browser';

async function signIn(browser: BrowserContext, nickname: string): Promise<Page> {
  const page = await browser.newPage();
  await logInAs(page, nickname);
  return page;
}

describe('tips in the browser', () => {
  let ownerBrowser: BrowserContext;
  let memberBrowser: BrowserContext;

  beforeAll(async () => {
    ownerBrowser = await openPhoneBrowser();
    memberBrowser = await openPhoneBrowser();
  });

  afterAll(async () => {
    await ownerBrowser?.close();
    await memberBrowser?.close();
  });

  it('the owner publishes a tip; a member holding its tags sees it first under 为你推荐, tries it, and finds it in 我的', async () => {
    const title = `草莓切爱心${Date.now().toString(36).slice(-4)}`;

    // 李根 (群主) publishes from the 技巧 tab.
    const owner = await signIn(ownerBrowser, '李根');
    await owner.locator('.taro-tabbar__tabbar').getByText('技巧').click();
    await onPage(owner, '/pages/tips/index').locator('.tip-compose', { hasText: '发布技巧' }).first().click();
    const editor = onPage(owner, '/owner/tip-editor/index');
    await editor.locator('.field--title input').fill(title);
    await editor.locator('.field--body textarea').fill('草莓去蒂后对半切，顶部切个小 V 字，就是一颗爱心。');
    await editor.locator('.field--step-1 input').fill('草莓去蒂，竖着对半切');
    await editor.locator('.field--tags input').fill('#烘焙# #快速接受新事物#');
    // The live preview shows the tags as the tag rule stores them.
    await editor.locator('.tip-preview .tip-tag', { hasText: '#快速接受新事物' }).waitFor();
    await editor.locator('.tip-publish-now').click();
    await onPage(owner, '/member/tip/index').locator('.tip-detail__title', { hasText: title }).waitFor();

    // 刘晓 holds #烘焙# and #快速接受新事物#: the new tip shares both, so it leads 为你推荐.
    const member = await signIn(memberBrowser, '刘晓');
    await member.locator('.taro-tabbar__tabbar').getByText('技巧').click();
    const feed = onPage(member, '/pages/tips/index');
    await feed.locator('.tip-sort--recommended.is-selected').waitFor();
    await feed.locator('.tip-card').first().waitFor();
    expect(await feed.locator('.tip-card__title').first().textContent()).toBe(title);

    await feed.locator('.tip-card', { hasText: title }).click();
    const detail = onPage(member, '/member/tip/index');
    await detail.locator('.tip-step__text', { hasText: '草莓去蒂，竖着对半切' }).waitFor();
    await detail.locator('.field--note textarea').fill('切了一盘，孩子很喜欢');
    await detail.locator('.tip-try__submit').click();
    await detail.locator('.tip-tried-count', { hasText: '1人试过' }).waitFor();
    await detail.locator('.tip-note', { hasText: '切了一盘，孩子很喜欢' }).waitFor();

    // The detail page has no tab bar: back to 技巧, then to 我的.
    await member.goBack();
    await feed.locator('.tip-card').first().waitFor();
    await member.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const me = onPage(member, '/pages/me/index');
    await me.locator('.my-tips .tip-card', { hasText: title }).waitFor();
  });
});
