import { logInAs, onPage, phoneBrowser } from './browser';

describe('profiles and tags in the browser', () => {
  const phone = phoneBrowser();

  it('adds a tag to my profile, then finds a demo member who shares it in 和我相似的人', async () => {
    await logInAs(phone.page, '张三丰');

    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    const me = onPage(phone.page, '/pages/me/index');
    const card = me.locator('.my-profile-card');
    await card.locator('.profile-tag', { hasText: '热爱电子产品' }).waitFor();
    await card.getByText('编辑资料').click();

    const edit = onPage(phone.page, '/member/profile/edit');
    await edit.locator('.tag-editor__chosen .tag-chip', { hasText: 'pokemon go' }).waitFor();
    await edit.locator('.tag-editor__input input').fill('＃烘焙＃');
    await edit.locator('.tag-editor__preview', { hasText: '将保存为 #烘焙' }).waitFor();
    await edit.locator('.tag-editor__add').click();
    await edit.locator('.tag-editor__chosen .tag-chip', { hasText: '烘焙' }).waitFor();
    await edit.locator('.save-profile').click();

    await card.locator('.profile-tag', { hasText: '烘焙' }).waitFor();
    await card.getByText('和我相似的人').click();

    const similar = onPage(phone.page, '/member/people-like-me/index');
    const baker = similar.locator('.similar-member', { hasText: '刘晓' });
    await baker.locator('.shared-tag', { hasText: '烘焙' }).waitFor();
    // 赵敏 shares three of my tags, so she comes before anyone sharing fewer.
    const first = similar.locator('.similar-member').first();
    expect(await first.textContent()).toContain('赵敏');

    await baker.locator('.member-row__name').click();
    const profile = onPage(phone.page, '/member/profile/index');
    await profile.locator('.profile-nickname', { hasText: '刘晓' }).waitFor();
    await profile.locator('.profile-tag', { hasText: '烘焙' }).waitFor();
  });
});
