import { pagePaths, safeReturnTo, tabPages, tipEditorPath, tipPath } from '../../src/domain/page-paths';

/**
 * The pages src/app.config.ts registers (Taro's defineAppConfig is a global of the build), in the
 * build that registers the most: H5 with the demo-user login on.
 */
function registeredPages(): { pages: string[]; tabs: string[] } {
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  process.env.TARO_ENV = 'h5';
  process.env.TARO_APP_DEV_LOGIN = 'true';
  const config = require('../../src/app.config').default as {
    pages: string[];
    subPackages: { root: string; pages: string[] }[];
    tabBar: { list: { pagePath: string }[] };
  };
  return {
    pages: [
      ...config.pages,
      ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ].map((page) => `/${page}`),
    tabs: config.tabBar.list.map((tab) => `/${tab.pagePath}`),
  };
}

describe('the page map', () => {
  it('names every page the app registers, once, and nothing else', () => {
    const { pages, tabs } = registeredPages();
    expect([...Object.values(pagePaths)].sort()).toEqual([...pages].sort());
    expect(new Set(Object.values(pagePaths)).size).toBe(Object.values(pagePaths).length);
    expect([...tabPages].sort()).toEqual([...tabs].sort());
  });

  it('builds URLs with their query, encoded', () => {
    expect(tipPath('a b')).toBe('/member/tip/index?id=a%20b');
    expect(tipEditorPath()).toBe('/owner/tip-editor/index');
  });

  it('returns after login only to our own pages', () => {
    expect(safeReturnTo(encodeURIComponent('/member/tip/index?id=t7'))).toBe('/member/tip/index?id=t7');
    expect(safeReturnTo('https://evil.example/')).toBe(pagePaths.home);
    expect(safeReturnTo(encodeURIComponent('/pages/login/index?returnTo=x'))).toBe(pagePaths.home);
    expect(safeReturnTo(undefined)).toBe(pagePaths.home);
  });
});
