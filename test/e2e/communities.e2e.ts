import { devLoginThroughApi, logInAs, onPage, phoneBrowser, requestApi } from './browser';

async function createCommunityThroughApi(ownerName: string, name: string): Promise<string> {
  const owner = await devLoginThroughApi(ownerName);
  const created = await requestApi(owner, 'POST', '/api/communities', {
    name,
    goal: '每周一起拍一张<b>好照片</b>',
    rules: '只发自己拍的照片',
  });
  expect(created.status).toBe(201);
  return (await created.json()).inviteCode;
}

describe('a member in the browser', () => {
  const phone = phoneBrowser();

  it('logs in as a demo member, sees the goal, joins a second community by invite code and switches back', async () => {
    const inviteCode = await createCommunityThroughApi('摄影群主', '随手拍摄影社');

    await logInAs(phone.page, '刘晓');

    const home = onPage(phone.page, '/pages/index/index');
    await home.locator('.community-goal', { hasText: '每人每周学会一个能马上用上的自媒体小技巧' }).waitFor();
    await home.locator('.my-role', { hasText: '成员' }).waitFor();

    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(phone.page, '/pages/me/index').getByText('加入社群').click();
    const join = onPage(phone.page, '/entry/community-join/index');
    await join.locator('.invite-code-input input').fill(inviteCode.toLowerCase());
    await join.locator('taro-button-core', { hasText: '加入社群' }).click();

    // A newcomer reads the goal and rules and confirms them first.
    await home.getByText('欢迎加入「随手拍摄影社」').waitFor();
    await home.locator('taro-button-core', { hasText: '我已阅读，遵守群规' }).click();
    await home.locator('.community-name', { hasText: '随手拍摄影社' }).waitFor();
    // Text from users is shown as text, never interpreted as markup.
    await home.locator('.community-goal', { hasText: '每周一起拍一张<b>好照片</b>' }).waitFor();
    expect(await home.locator('.community-goal b').count()).toBe(0);

    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const switcher = onPage(phone.page, '/pages/me/index').locator('.community-switcher');
    await switcher.locator('.community-switcher__item', { hasText: '一起走上10万+之路' }).click();
    await home.locator('.community-name', { hasText: '一起走上10万+之路' }).waitFor();
    expect(await home.locator('.community-goal').textContent()).toContain(
      '每人每周学会一个能马上用上的自媒体小技巧',
    );
  });
});
