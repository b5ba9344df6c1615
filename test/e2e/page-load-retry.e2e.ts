import { baseUrl, logInAs, onPage, phoneBrowser } from './browser';

describe('a page whose code fails to load, in the browser', () => {
  const phone = phoneBrowser();

  it('shows 重新加载 instead of a dead tap; once the network is back it opens the page', async () => {
    await logInAs(phone.page, '张三丰');
    const tipTitle = onPage(phone.page, '/pages/index/index').locator('.home-tip .tip-card__title');
    await tipTitle.waitFor();
    const title = (await tipTitle.textContent())!;

    // The network drops: the tip page's chunks cannot be fetched.
    const dropped = /\/(js|css)\/[^/]+\.(js|css)$/;
    await phone.page.route(dropped, (route) => route.abort());
    await tipTitle.click();
    const retry = phone.page.getByRole('button', { name: '重新加载' });
    await retry.waitFor();
    expect(await phone.page.getByText('页面没有加载出来').isVisible()).toBe(true);

    await phone.page.unroute(dropped);
    await retry.click();
    await onPage(phone.page, '/member/tip/index').locator('.tip-detail__title', { hasText: title }).waitFor();
  });
});

describe('the first screen, in the browser', () => {
  const phone = phoneBrowser();

  it("asks for the opened page's code with the app's own, before the app has started", async () => {
    await logInAs(phone.page, '张三丰');
    await phone.page.goto(`${baseUrl()}/#/pages/me/index`);
    const fetched: string[] = [];
    phone.page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await phone.page.reload();
    await onPage(phone.page, '/pages/me/index').first().waitFor();

    const preloaded = await phone.page.$$eval('link[rel=preload]', (links) =>
      links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
    );
    const preloadedScripts = preloaded.filter((file) => file.endsWith('.js'));
    expect(preloadedScripts.length).toBeGreaterThan(0);
    // Without the preloads the router asks for them once the app has run, after its first API calls.
    const firstApiCall = fetched.findIndex((path) => path.startsWith('/api/'));
    expect(firstApiCall).toBeGreaterThan(-1);
    for (const file of preloadedScripts) {
      expect(fetched).toContain(file);
      expect(fetched.indexOf(file)).toBeLessThan(firstApiCall);
    }
  });
});
