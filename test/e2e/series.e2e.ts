import { logInAs, onPage, phoneBrowser } from './browser';

describe('a weekly series in the browser', () => {
  const member = phoneBrowser();
  const owner = phoneBrowser();

  it('a member signs up for every date of 周五烘焙小课 at once and sees each date’s result', async () => {
    await logInAs(member.page, '周芷若');
    await member.page.locator('.taro-tabbar__tabbar').getByText('活动').click();
    await onPage(member.page, '/pages/sessions/index')
      .locator('.session-card', { hasText: '周五烘焙小课' })
      .first()
      .click();

    const session = onPage(member.page, '/member/session/index');
    await session.locator('.session-series', { hasText: '每周五 20:00 · 共 4 次' }).waitFor();
    await session.locator('.series-signup-button', { hasText: '报名全部 4 次' }).click();

    const results = session.locator('.series-result');
    await results.nth(3).waitFor();
    expect(await results.count()).toBe(4);
    expect(await session.locator('.series-result--confirmed').count()).toBe(4);
    await session.locator('.signup-status', { hasText: '已报名' }).first().waitFor();
  });

  it('the 群主 schedules a session every week, three times, and each date is its own session', async () => {
    await logInAs(owner.page, '李根');
    await owner.page.locator('.taro-tabbar__tabbar').getByText('活动').click();
    await onPage(owner.page, '/pages/sessions/index').locator('.session-schedule').click();
    const editor = onPage(owner.page, '/owner/session-editor/index');
    await editor.locator('.field--title input').fill('每周复盘会');
    await editor.locator('.field--link input').fill('https://meeting.tencent.com/dm/qy-weekly');
    await editor.locator('.session-form__repeat .choice', { hasText: '每周' }).click();
    await editor.locator('.field--repeat-count input').fill('3');
    await editor.locator('taro-button-core', { hasText: '发布活动' }).click();

    const session = onPage(owner.page, '/member/session/index');
    await session.locator('.session-title', { hasText: '每周复盘会' }).waitFor();
    await session.locator('.session-series', { hasText: '共 3 次' }).waitFor();

    // The session page has no tab bar: back to 活动, which the editor was opened from.
    await owner.page.goBack();
    const cards = onPage(owner.page, '/pages/sessions/index').locator('.session-card', {
      hasText: '每周复盘会',
    });
    await cards.nth(2).waitFor();
    expect(await cards.count()).toBe(3);
  });
});
