import { logInAs, onPage, phoneBrowser } from './browser';

describe('我的 → 消息 in the browser', () => {
  const phone = phoneBrowser();

  it('a member sees the unread badge, opens a reminder, and it is read afterwards', async () => {
    await logInAs(phone.page, '赵敏');

    // The seeded notices reach the inbox through the dispatcher running in the server.
    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const me = onPage(phone.page, '/pages/me/index');
    const badge = me.locator('.inbox-entry .inbox-badge');
    await badge.waitFor();
    const unreadBefore = Number(await badge.textContent());
    expect(unreadBefore).toBeGreaterThanOrEqual(2);

    await me.locator('.inbox-entry').click();
    const inbox = onPage(phone.page, '/member/inbox/index');
    const reminder = inbox.locator('.inbox-message', { hasText: '活动提醒：线下见面会：一起做水果蛋糕' });
    await reminder.waitFor();
    expect(await reminder.getAttribute('class')).toContain('inbox-message--unread');
    await inbox.locator('.inbox-unread-count', { hasText: `${unreadBefore} 条未读` }).waitFor();

    // Tapping it marks it read and opens the session it names; the bar's 返回 leads back to 消息 and 我的.
    await reminder.click();
    await onPage(phone.page, '/member/session/index')
      .locator('.session-title', { hasText: '线下见面会：一起做水果蛋糕' })
      .waitFor();
    const back = phone.page.locator('#taro-navigation-bar .taro-navigation-bar-back');
    await back.click();
    await onPage(phone.page, '/member/inbox/index').first().waitFor();
    await back.click();
    await me.locator('.inbox-entry .inbox-badge', { hasText: String(unreadBefore - 1) }).waitFor();
    await me.locator('.inbox-entry').click();
    // The inbox opened the first time may still be in the DOM (H5 keeps its page stack): read the
    // newest one, which Taro appends last.
    const freshInbox = phone.page.locator('[id^="/member/inbox/index"]').last();
    await freshInbox.locator('.inbox-unread-count', { hasText: `${unreadBefore - 1} 条未读` }).waitFor();
    const readReminder = freshInbox.locator('.inbox-message', {
      hasText: '活动提醒：线下见面会：一起做水果蛋糕',
    });
    expect(await readReminder.getAttribute('class')).not.toContain('inbox-message--unread');
  });
});
