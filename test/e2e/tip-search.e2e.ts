import { logInAs, onPage, phoneBrowser } from './browser';

describe('finding a tip in the browser', () => {
  const phone = phoneBrowser();

  it('a member searches 技巧 for a two-character word and opens what it found', async () => {
    await logInAs(phone.page, '刘晓');
    await phone.page.locator('.taro-tabbar__tabbar').getByText('技巧').click();
    await onPage(phone.page, '/pages/tips/index').locator('.tip-search-entry').click();

    const search = onPage(phone.page, '/member/tip-search/index');
    await search.locator('.tip-search__input input').fill('勺子');
    await search.locator('.tip-search__go').click();
    const found = search.locator('.tip-card', { hasText: '猕猴桃不用削皮' });
    await found.waitFor();

    // Tags are words too: 烘焙 finds the tips tagged so.
    await search.locator('.tip-search__input input').fill('烘焙');
    await search.locator('.tip-search__go').click();
    await search.locator('.tip-card', { hasText: '猕猴桃不用削皮' }).waitFor();
    await search.locator('.tip-search__input input').fill('火星基地');
    await search.locator('.tip-search__go').click();
    await search.locator('.tip-search-empty', { hasText: '没有找到包含「火星基地」的技巧' }).waitFor();

    await search.locator('.tip-search__input input').fill('勺子');
    await search.locator('.tip-search__go').click();
    await search.locator('.tip-card', { hasText: '猕猴桃不用削皮' }).click();
    await onPage(phone.page, '/member/tip/index')
      .locator('.tip-detail__title', { hasText: '猕猴桃' })
      .waitFor();
  });
});
