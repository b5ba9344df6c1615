import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { atMost, type BenchRow, row } from './bench-row';
import { repoRoot, taroBuild } from './taro-build';

/** WeChat refuses any package (main or sub) over 2 MB. */
const wechatPackageLimit = 2 * 1024 * 1024;

function filesUnder(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = statSync(file);
    return stat.isDirectory() ? filesUnder(file) : [{ file, bytes: stat.size }];
  });
}

export interface PackageSizes {
  main: number;
  total: number;
  subPackages: Record<string, number>;
  /** The biggest files of the main package, for "look at what is in it". */
  largestMainFiles: { file: string; bytes: number }[];
}

/** Main package = everything outside the subpackage roots listed in app.json (what a member downloads first). */
export function measurePackages(dist: string): PackageSizes {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const roots: string[] = (app.subPackages ?? app.subpackages ?? []).map((sub: { root: string }) =>
    sub.root.replace(/\/$/, ''),
  );
  // The DevTools project file and license notes are not uploaded.
  const files = filesUnder(dist).filter((f) => !/project\.config\.json$|\.LICENSE\.txt$/.test(f.file));
  const rootOf = (file: string) => roots.find((root) => path.relative(dist, file).startsWith(`${root}/`));
  const subPackages = Object.fromEntries(roots.map((root) => [root, 0]));
  let main = 0;
  const mainFiles: { file: string; bytes: number }[] = [];
  for (const f of files) {
    const root = rootOf(f.file);
    if (root) subPackages[root]! += f.bytes;
    else {
      main += f.bytes;
      mainFiles.push({ file: path.relative(dist, f.file), bytes: f.bytes });
    }
  }
  return {
    main,
    total: files.reduce((sum, f) => sum + f.bytes, 0),
    subPackages,
    largestMainFiles: mainFiles.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

/** Point 1: builds the app and the bare hello world with the same config, and compares their packages. */
export function packageSizeBench(options: { rebuildApp: boolean }): { rows: BenchRow[]; details: unknown } {
  const appDist = options.rebuildApp ? taroBuild('weapp', false) : path.join(repoRoot, 'dist');
  const ours = measurePackages(appDist);
  const bare = measurePackages(taroBuild('weapp', true));
  const underLimit = { text: '< 2 MB', met: (_: number | null, bytes: number) => bytes < wechatPackageLimit };
  const rows = [
    row('1 package', 'weapp main package', ours.main, 'B', bare.main, atMost(1.4)),
    row('1 package', 'weapp main package vs 2 MB', ours.main, 'B', null, underLimit),
    ...Object.entries(ours.subPackages).map(([root, bytes]) =>
      row('1 package', `weapp subpackage ${root}/`, bytes, 'B', null, underLimit),
    ),
    row('1 package', 'weapp total', ours.total, 'B', bare.total, null),
    row('1 package', 'owner pages in a subpackage', 'owner' in ours.subPackages ? 1 : 0, 'check', null, {
      text: 'owner/ exists',
      met: (_, present) => present === 1,
    }),
  ];
  return { rows, details: { ours, bare } };
}
