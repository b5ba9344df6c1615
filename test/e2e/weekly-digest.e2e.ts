import { baseUrl, logInAs, onPage, phoneBrowser } from './browser';

describe('本周群周报 in the browser', () => {
  const phone = phoneBrowser();

  it('a member opens the digest the owner shared from 首页; the owner rewrites its intro and copies it for the group', async () => {
    // The demo owner shared this week's digest (or last week's, early on a Monday) when the server was seeded.
    await logInAs(phone.page, '刘晓');
    const home = onPage(phone.page, '/pages/index/index');
    await home.locator('.weekly-digest-entry', { hasText: '本周群周报' }).click();
    const digest = onPage(phone.page, '/member/weekly-digest/index');
    await digest.locator('.digest-intro', { hasText: '这周群里很热闹' }).waitFor();
    expect(await digest.locator('.digest-section').count()).toBeGreaterThan(0);
    // A member reads it; sharing and the intro line are the team's.
    expect(await digest.locator('.digest-copy-text').count()).toBe(0);
    expect(await digest.locator('.digest-intro-edit').count()).toBe(0);

    await phone.page.context().clearCookies();
    await phone.page.evaluate(() => localStorage.clear());
    await logInAs(phone.page, '李根');
    await onPage(phone.page, '/pages/index/index').locator('.weekly-digest-entry').click();
    const owned = onPage(phone.page, '/member/weekly-digest/index');
    await owned.locator('.digest-state', { hasText: '已分享到群' }).waitFor();
    await owned.locator('.digest-intro-edit').click();
    await owned.locator('.field--digest-intro input').fill('周末一起试试新技巧吧！');
    await owned.locator('.digest-intro-save').click();
    await owned.locator('.digest-intro', { hasText: '周末一起试试新技巧吧！' }).waitFor();

    await phone.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await owned.locator('.digest-copy-text').click();
    await phone.page.getByText('已复制，去群里粘贴吧').waitFor();
    const copied = await phone.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('本周群周报｜一起走上10万+之路');
    expect(copied).toContain('周末一起试试新技巧吧！');
    expect(copied).not.toMatch(/[@＠]|还没有填写/);
  });
});
