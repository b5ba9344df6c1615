import { baseUrl, callApi, devLoginThroughApi, logInAs, onPage, phoneBrowser, requestApi } from './browser';

describe('注销账号 in the browser', () => {
  const phone = phoneBrowser();

  it('a 群主 is sent to 转让群主 first; then, asked twice, the account closes and the app starts signed out', async () => {
    // Their own community, so the demo community stays as the other browser tests expect it.
    const owner = await devLoginThroughApi('想注销的小周');
    const { inviteCode } = await callApi<{ inviteCode: string }>(owner, 'POST', '/api/communities', {
      name: '小周的读书会',
      goal: '每周读完一本书',
      rules: '友善交流',
    });
    await callApi(await devLoginThroughApi('接手的小吴'), 'POST', '/api/communities/join', { inviteCode });

    await logInAs(phone.page, '想注销的小周');
    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(phone.page, '/pages/me/index').locator('.account-entry').click();
    const account = onPage(phone.page, '/member/account/index');
    const closeAndConfirmTwice = async () => {
      await account.locator('.close-account__button').click();
      await phone.page.locator('.taro-modal__content', { hasText: '已注销用户' }).waitFor();
      await phone.page.locator('.taro-model__confirm').click();
      await phone.page.locator('.taro-modal__content', { hasText: '确定注销账号？' }).waitFor();
      await phone.page.locator('.taro-model__confirm').click();
    };

    await closeAndConfirmTwice();
    await account.locator('.close-account__refusal-message', { hasText: '「小周的读书会」' }).waitFor();
    await account.locator('.transfer-entry').click();
    const members = onPage(phone.page, '/owner/members/index');
    await members.locator('.member-directory__row', { hasText: '接手的小吴' }).click();
    await onPage(phone.page, '/member/profile/index').locator('.transfer-ownership').click();
    await phone.page.locator('.taro-model__confirm').click();
    await phone.page.locator('.taro-modal__content', { hasText: '接手的小吴' }).waitFor();
    await phone.page.locator('.taro-model__confirm').click();
    await members.locator('.member-directory__row').first().waitFor();

    await phone.page.goto(`${baseUrl()}/#/member/account/index`);
    await closeAndConfirmTwice();

    // Signed out: the demo login again, where the closed account is no longer offered.
    await phone.page.locator('.dev-user', { hasText: '接手的小吴' }).waitFor();
    expect(await phone.page.locator('.dev-user', { hasText: '想注销的小周' }).count()).toBe(0);
    expect((await requestApi(owner, 'GET', '/api/me')).status).toBe(401);
  });
});
