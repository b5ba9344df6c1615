// Checks that the WeChat build in dist/ is one DevTools can open and the declared base library runs:
// every page and subpackage page listed in app.json has its .js, .json and .wxml files, every tab
// icon is there, and with WeChat's ES6-to-ES5 compile off (project.config.json `es6: false`) every
// script parses as ES5.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';

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
// WeChat refuses a tab icon it cannot find or one over 40 KB.
const badTabIcons = (app.tabBar?.list ?? [])
  .flatMap((tab) => [tab.iconPath, tab.selectedIconPath].filter(Boolean))
  .filter((icon) => !existsSync(join(dist, icon)) || statSync(join(dist, icon)).size > 40 * 1024);

function scriptsUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scriptsUnder(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

// DevTools reads the project file Taro copies into dist/ when dist/ is opened, the root one otherwise: both say the same.
const { setting = {} } = JSON.parse(readFileSync(join(dist, 'project.config.json'), 'utf8'));
const compiledByWechat = setting.es6 === true || setting.enhance === true;
const beyondEs5 = compiledByWechat
  ? []
  : scriptsUnder(dist).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      try {
        parse(code, { ecmaVersion: 5 });
        return [];
      } catch (error) {
        const around = code.slice(Math.max(0, error.pos - 40), error.pos + 40).replace(/\s+/g, ' ');
        return [`${relative(dist, file)}: ${error.message} near "${around}"`];
      }
    });

if (missing.length || tabPages.length || badTabIcons.length || beyondEs5.length) {
  if (missing.length)
    console.error(`dist/app.json lists pages whose files are missing:\n  ${missing.join('\n  ')}`);
  if (tabPages.length) console.error(`tab bar pages not in the main package: ${tabPages.join(', ')}`);
  if (badTabIcons.length) console.error(`tab icons missing or over 40 KB: ${badTabIcons.join(', ')}`);
  if (beyondEs5.length)
    console.error(
      `project.config.json has es6: false, but these scripts are not ES5 (add the dependency to mini.compile.include in config/index.ts):\n  ${beyondEs5.join('\n  ')}`,
    );
  process.exit(1);
}
console.log(
  `weapp dist ok: ${pages.length} pages, all files present, ${compiledByWechat ? 'ES6 compiled by WeChat' : 'every script ES5'}`,
);
