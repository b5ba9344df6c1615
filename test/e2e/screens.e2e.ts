import type { BrowserContext, Page } from 'playwright-core';
import { openPhoneBrowser } from './browser';
import {
  collectConsoleErrors,
  demoIds,
  layoutProblems,
  navigationProblems,
  openScreen,
  screensOf,
  signInAs,
  type Walker,
} from './screen-walk';

/** The walk of `npm run screenshots`, judged: nothing wider than the phone, no text one character per line, no console errors. */
describe.each<Walker>(['member', 'owner'])('every screen as the %s, at 390x844', (walker) => {
  let browser: BrowserContext;
  let page: Page;
  let consoleErrors: string[];
  beforeAll(async () => {
    browser = await openPhoneBrowser({ width: 390, height: 844 });
    page = await browser.newPage();
    consoleErrors = collectConsoleErrors(page);
    await signInAs(page, walker);
  });
  afterAll(() => browser.close());

  it('lays out within the phone and logs no errors', async () => {
    const ids = await demoIds();
    const problems: Record<string, string[]> = {};
    for (const name of screensOf(walker)) {
      consoleErrors.length = 0;
      await openScreen(page, name, ids);
      const found = [
        ...(await layoutProblems(page, name)),
        ...(await navigationProblems(page, name)),
        ...consoleErrors.map((error) => `console: ${error}`),
      ];
      if (found.length > 0) problems[name] = found;
    }
    expect(problems).toEqual({});
  }, 600_000);
});
