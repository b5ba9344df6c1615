import type { BrowserContext } from 'playwright-core';
import { onPage } from './browser';
import { openBrowserAs, openSession, scheduleOneSeatSession } from './session-steps';

describe('parties on the waitlist and the attendance record in the browser', () => {
  const browsers: BrowserContext[] = [];
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
  });

  it('a party of three waiting that accepts a smaller spot is seated alone when one seat frees', async () => {
    const title = `草莓扇形小课${Date.now() % 100000}`;
    const owner = await openBrowserAs('李根');
    browsers.push(owner.browser);
    await scheduleOneSeatSession(owner.page, title, 'https://meeting.tencent.com/dm/berry');

    const seated = await openBrowserAs('周芷若');
    browsers.push(seated.browser);
    await openSession(seated.page, title);
    const pageA = onPage(seated.page, '/member/session/index');
    await pageA.locator('.signup-button').click();
    await pageA.locator('.signup-status', { hasText: '已报名' }).waitFor();

    const party = await openBrowserAs('王小雪');
    browsers.push(party.browser);
    await openSession(party.page, title);
    const pageB = onPage(party.page, '/member/session/index');
    await pageB.locator('.waitlist-rule', { hasText: '候补规则' }).waitFor();
    await pageB.locator('.guest-option', { hasText: '+2' }).click();
    await pageB.locator('.signup-button', { hasText: '报名候补' }).click();
    await pageB.locator('.signup-status', { hasText: '候补第 1 位' }).waitFor();
    // While waiting: only one seat would free here, so say I come alone then.
    await pageB.locator('.smaller-spot__option', { hasText: '只有 1 个名额时我一个人来' }).click();
    await pageB.locator('.smaller-spot__option.is-selected').waitFor();

    await pageA.locator('.cancel-signup').click();
    await seated.page.locator('.taro-model__confirm').click();
    await pageA.locator('.signup-button').waitFor();

    await party.page.reload();
    await onPage(party.page, '/member/session/index')
      .locator('.signup-status', { hasText: '已报名' })
      .waitFor();
  });

  it('a member sees their own attendance record in 我的', async () => {
    const member = await openBrowserAs('周芷若');
    browsers.push(member.browser);
    await member.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(member.page, '/pages/me/index')
      .locator('.attendance-line', { hasText: '最近 2 次：到场 1 次' })
      .waitFor();
  });

  it('with the gentle rule on, a member who missed 3 sessions sees in 我的 what clears it, and why they wait', async () => {
    const member = await openBrowserAs('张三丰');
    browsers.push(member.browser);
    await member.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(member.page, '/pages/me/index')
      .locator('.attendance-line', { hasText: '报名先进入候补；再连续到场 2 次' })
      .waitFor();
    await openSession(member.page, 'PPT 新手课：标题层级怎么写');
    const page = onPage(member.page, '/member/session/index');
    await page.locator('.gentle-rule-line', { hasText: '缺席较多先候补' }).waitFor();
    await page.locator('.held-back', { hasText: '你最近几次报名未到场，本次先进入候补' }).waitFor();
  });
});
