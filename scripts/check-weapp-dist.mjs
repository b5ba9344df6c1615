// Checks that the WeChat build in dist/ is one DevTools can open: every page and subpackage
// page listed in app.json has its .js, .json and .wxml files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const pages = [
  ...app.pages,
  ...(app.subPackages ?? app.subpackages ?? []).flatMap((sub) =>
    sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`),
  ),
];
const missing = pages
  .flatMap((page) => ['.js', '.json', '.wxml'].map((ext) => `${page}${ext}`))
  .filter((file) => !existsSync(join(dist, file)));
const tabPages = (app.tabBar?.list ?? [])
  .map((tab) => tab.pagePath)
  .filter((page) => !app.pages.includes(page));

if (missing.length || tabPages.length) {
  if (missing.length)
    console.error(`dist/app.json lists pages whose files are missing:\n  ${missing.join('\n  ')}`);
  if (tabPages.length) console.error(`tab bar pages not in the main package: ${tabPages.join(', ')}`);
  process.exit(1);
}
console.log(`weapp dist ok: ${pages.length} pages, all files present`);
