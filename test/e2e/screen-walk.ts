import type { Page } from 'playwright-core';
import { pagePaths, pageUrl, tabPages } from '../../src/domain/page-paths';
import { baseUrl, callApi, devLoginThroughApi, logInAs, onPage } from './browser';

/**
 * Every screen of the browser build, as a member and as the 群主 of the demo community: the walk
 * behind `npm run screenshots` (a PNG per screen) and the layout check in screens.e2e.ts.
 */

export type Walker = 'member' | 'owner';

/** The demo community's people: 赵敏 is a member, 李根 its 群主 (server/db/seed.ts). */
export const walkers: Record<Walker, string> = { member: '赵敏', owner: '李根' };

type PageName = Exclude<keyof typeof pagePaths, 'login'>;

/** What a page needs in its query to show something real, found in the demo data. */
interface DemoIds {
  tipId: string;
  sessionId: string;
  slotId: string;
  userId: string;
}

const queryOf: Partial<Record<PageName, (ids: DemoIds) => Record<string, string>>> = {
  tip: (ids) => ({ id: ids.tipId }),
  session: (ids) => ({ id: ids.sessionId }),
  memberProfile: (ids) => ({ userId: ids.userId }),
  tag: () => ({ tag: '烘焙' }),
  promotionRequest: (ids) => ({ slot: ids.slotId }),
  attendance: (ids) => ({ id: ids.sessionId }),
  checkInPass: (ids) => ({ id: ids.sessionId }),
};

/** The team's pages a member uses too: 投稿技巧 and 我的投稿. */
const memberOwnerPages: PageName[] = ['tipEditor', 'tipReview'];

/** A member walks the tabs, the way in, the member pages and the suggestion pages; the 群主 walks every page. */
export function screensOf(walker: Walker): PageName[] {
  const names = (Object.keys(pagePaths) as (keyof typeof pagePaths)[]).filter(
    (name): name is PageName => name !== 'login',
  );
  return walker === 'owner'
    ? names
    : names.filter((name) => !pagePaths[name].startsWith('/owner/') || memberOwnerPages.includes(name));
}

/** The file name of a screen: its path with slashes as dashes (`member-tip-index`). */
export function screenFileName(name: PageName): string {
  return pagePaths[name].replace(/^\//, '').replaceAll('/', '-');
}

/** A tip, an upcoming session, an open promotion slot and another member of the demo community. */
export async function demoIds(): Promise<DemoIds> {
  const owner = await devLoginThroughApi(walkers.owner);
  const other = await devLoginThroughApi('王小雪');
  const me = await callApi<{ memberships: { communityId: string }[] }>(owner, 'GET', '/api/me');
  const communityId = me.memberships[0]!.communityId;
  const feed = await callApi<{ items: { id: string }[] }>(
    owner,
    'GET',
    `/api/communities/${communityId}/tips`,
  );
  const sessions = await callApi<{ items: { id: string }[] }>(
    owner,
    'GET',
    `/api/communities/${communityId}/sessions`,
  );
  const slots = await callApi<{ id: string; remaining: number; closed: boolean }[]>(
    owner,
    'GET',
    `/api/communities/${communityId}/promotion-slots`,
  );
  return {
    tipId: feed.items[0]!.id,
    sessionId: sessions.items[0]!.id,
    slotId: (slots.find((slot) => !slot.closed && slot.remaining > 0) ?? slots[0])!.id,
    userId: other.userId,
  };
}

/** Opens a screen afresh (a reload, so earlier pages are not kept in the DOM) and waits until it has loaded. */
export async function openScreen(page: Page, name: PageName, ids: DemoIds): Promise<void> {
  const path = pagePaths[name];
  const url = pageUrl(path, queryOf[name]?.(ids) ?? {});
  await page.goto(`${baseUrl()}/?screen=${Date.now()}#${url}`);
  const screen = onPage(page, path);
  await screen.first().waitFor();
  await page.waitForLoadState('networkidle');
  // Skeletons are gone once the screen's data has arrived.
  await screen.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 });
}

export async function signInAs(page: Page, walker: Walker): Promise<void> {
  await logInAs(page, walkers[walker]);
}

/**
 * What a member would see as broken on the screen shown: an element wider than the phone (outside
 * anything that scrolls sideways), a text laid out one character per line, or a field that does not
 * look like WeChat's (a resize handle, a monospace font).
 */
export function layoutProblems(page: Page, name: PageName): Promise<string[]> {
  return page.evaluate((path) => {
    const screens = Array.from(document.querySelectorAll<HTMLElement>(`[id^="${path}"]`));
    const screen = screens.find((element) => element.getClientRects().length > 0);
    if (!screen) return [`${path} is not shown`];
    const width = document.documentElement.clientWidth;
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`;
    const scrollsSideways = (element: Element | null): boolean => {
      for (let at = element; at && at !== screen; at = at.parentElement) {
        const overflowX = getComputedStyle(at).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    const problems: string[] = [];
    for (const element of Array.from(screen.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1 && !scrollsSideways(element.parentElement))
        problems.push(
          `wider than the screen: ${describe(element)} ends at ${Math.round(box.right)} of ${width}`,
        );
    }
    for (const field of Array.from(screen.querySelectorAll('textarea, input'))) {
      const style = getComputedStyle(field);
      if (style.resize !== 'none' && field.tagName === 'TEXTAREA')
        problems.push(`a resize handle on ${describe(field)}`);
      if (/monospace/.test(style.fontFamily)) problems.push(`a monospace field: ${describe(field)}`);
    }
    const texts = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const characters = [...(node.textContent ?? '').trim()];
      if (characters.length < 2) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      if (lines.size >= 2 && lines.size >= characters.length - 1)
        problems.push(`one character per line: "${characters.join('')}" in ${describe(node.parentElement!)}`);
    }
    return problems.slice(0, 5);
  }, pagePaths[name]);
}

/** A page that is not a tab shows its title and a way back (返回, or 首页 when opened directly), as WeChat's bar does. */
export async function navigationProblems(page: Page, name: PageName): Promise<string[]> {
  if (tabPages.includes(pagePaths[name])) return [];
  const bar = page.locator('#taro-navigation-bar');
  if (!(await bar.isVisible())) return ['no navigation bar'];
  const title = (await bar.locator('.taro-navigation-bar-title').textContent())?.trim();
  const wayBack = await bar
    .locator('.taro-navigation-bar-back, .taro-navigation-bar-home')
    .locator('visible=true')
    .count();
  return [...(title ? [] : ['a navigation bar without a title']), ...(wayBack > 0 ? [] : ['no way back'])];
}

/**
 * Every console error, the browser's own line for a refused request (4xx) included: an expected
 * state (nothing yet, not allowed) answers 200 with an explicit empty body, so a normal walk shows
 * none. A refused request is named by its method, path and status, which the console line is not.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const { pathname } = new URL(response.url());
    errors.push(`${response.request().method()} ${pathname} answered ${response.status()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}
