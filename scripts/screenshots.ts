// `npm run screenshots [folder]`: the browser build on a fresh embedded database with the demo
// community, every screen as a member and as the 群主 at 390x844, one PNG a screen, named after
// its page (screenshots/member/member-tip-index.png). The same walk is judged in test/e2e/screens.e2e.ts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPhoneBrowser } from '../test/e2e/browser';
import globalSetup from '../test/e2e/global-setup.mjs';
import globalTeardown from '../test/e2e/global-teardown.mjs';
import {
  demoIds,
  openScreen,
  screenFileName,
  screensOf,
  signInAs,
  type Walker,
} from '../test/e2e/screen-walk';

const folder = path.resolve(process.argv[2] ?? 'screenshots');

async function walk(walker: Walker): Promise<number> {
  const browser = await openPhoneBrowser({ width: 390, height: 844 });
  try {
    const page = await browser.newPage();
    await signInAs(page, walker);
    const ids = await demoIds();
    mkdirSync(path.join(folder, walker), { recursive: true });
    const names = screensOf(walker);
    for (const name of names) {
      await openScreen(page, name, ids);
      await page.screenshot({
        path: path.join(folder, walker, `${screenFileName(name)}.png`),
        fullPage: true,
      });
    }
    return names.length;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  await globalSetup();
  try {
    for (const walker of ['member', 'owner'] as const) {
      const count = await walk(walker);
      console.log(`${count} screens as the ${walker} -> ${path.join(folder, walker)}`);
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
