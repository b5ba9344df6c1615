import { baseUrl, logInAs, onPage, phoneBrowser } from './browser';

describe('the owner dashboard in the browser', () => {
  const phone = phoneBrowser();

  it('李根 opens 社群看板 from 我的 and sees the member count and the weekly charts', async () => {
    await logInAs(phone.page, '李根');

    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(phone.page, '/pages/me/index').locator('.dashboard-entry').click();

    const dashboard = onPage(phone.page, '/owner/dashboard/index');
    const count = dashboard.locator('.dashboard-member-count');
    await count.waitFor();
    // The seeded community has at least its seven demo members.
    expect(Number(await count.textContent())).toBeGreaterThanOrEqual(7);
    await dashboard.locator('.dashboard-advice', { hasText: '推荐的 60-100 人' }).waitFor();

    const sizeChart = dashboard.locator('.dashboard-size .bar-chart');
    expect(await sizeChart.locator('.bar-chart__label').count()).toBe(8);
    // This week's joins are the tallest bar of the chart, drawn at full height.
    const thisWeekJoins = sizeChart.locator('.bar-chart__bar--green .bar-chart__fill').last();
    const box = await thisWeekJoins.boundingBox();
    expect(box!.height).toBeGreaterThan(20);
    await dashboard.locator('.dashboard-tags .top-tag').first().waitFor();
  });

  it('李根 opens 新人欢迎 for today’s newcomers, with this week’s in 本周群周报 one tap away', async () => {
    // A fresh start on 首页 (still signed in), then 我的 through the tab bar, as a person would.
    await phone.page.goto(baseUrl());
    await onPage(phone.page, '/pages/index/index').locator('.community-name').waitFor();
    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(phone.page, '/pages/me/index').locator('.welcome-entry').click();

    const welcome = onPage(phone.page, '/owner/welcome/index');
    // Today may be quiet or not: either the welcome to copy or the quiet day's words.
    await welcome.locator('.welcome-text, .welcome-empty').first().waitFor();
    expect(await welcome.locator('.welcome-period--week').count()).toBe(0);
    await welcome.locator('.welcome-weekly-digest').click();
    await onPage(phone.page, '/member/weekly-digest/index')
      .locator('.digest-header, .digest-empty')
      .first()
      .waitFor();
  });
});
