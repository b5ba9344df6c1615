import { logInAs, onPage, phoneBrowser } from './browser';

describe('首页 in the browser', () => {
  const phone = phoneBrowser();

  it("a member sees the goal, then today's tip, which opens its detail; no review counts", async () => {
    await logInAs(phone.page, '张三丰');
    const home = onPage(phone.page, '/pages/index/index');
    await home.locator('.community-goal').waitFor();
    const tipTitle = home.locator('.home-tip .tip-card__title');
    await tipTitle.waitFor();
    const title = (await tipTitle.textContent())!;

    // The goal stays on top: today's tip comes after it in the page.
    const goalTop = (await home.locator('.community-goal').boundingBox())!.y;
    expect((await tipTitle.boundingBox())!.y).toBeGreaterThan(goalTop);
    expect(await home.locator('.waiting-strip').count()).toBe(0);

    await tipTitle.click();
    await onPage(phone.page, '/member/tip/index').locator('.tip-detail__title', { hasText: title }).waitFor();
  });
});
