import type { BrowserContext } from 'playwright-core';
import { onPage } from './browser';
import { openBrowserAs, openSession, scheduleOneSeatSession } from './session-steps';

describe('a 1-seat session in the browser', () => {
  const browsers: BrowserContext[] = [];
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  it('owner schedules it, A books it, B waits as 候补第 1 位, A cancels, B is confirmed and sees it in 我的', async () => {
    const title = `剥猕猴桃小课${Date.now() % 100000}`;

    const owner = await openBrowserAs('李根');
    browsers.push(owner.browser);
    await scheduleOneSeatSession(owner.page, title, 'https://meeting.tencent.com/dm/kiwi');
    const created = onPage(owner.page, '/member/session/index');
    await created.locator('.session-title', { hasText: title }).waitFor();
    await created.locator('.session-seats', { hasText: '剩 1 个名额' }).waitFor();

    const memberA = await openBrowserAs('周芷若');
    browsers.push(memberA.browser);
    await openSession(memberA.page, title);
    const pageA = onPage(memberA.page, '/member/session/index');
    await pageA.locator('.signup-button').click();
    await pageA.locator('.signup-status', { hasText: '已报名' }).waitFor();

    const memberB = await openBrowserAs('王小雪');
    browsers.push(memberB.browser);
    await openSession(memberB.page, title);
    const pageB = onPage(memberB.page, '/member/session/index');
    await pageB.locator('.signup-button', { hasText: '报名候补' }).click();
    await pageB.locator('.signup-status', { hasText: '候补第 1 位' }).waitFor();

    await pageA.locator('.cancel-signup').click();
    await memberA.page.locator('.taro-model__confirm').click();
    await pageA.locator('.signup-button').waitFor();

    // The tab bar shows on tab pages only: back from the session page to 活动 first.
    await memberB.page.goBack();
    await memberB.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const mine = onPage(memberB.page, '/pages/me/index').locator('.my-sessions .session-card', {
      hasText: title,
    });
    await mine.locator('.signup-status', { hasText: '已报名' }).waitFor();
  });
});
