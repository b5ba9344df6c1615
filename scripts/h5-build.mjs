// Builds the H5 app when its sources are newer than the last build, so `npm start` and the
// browser tests serve what the code says without paying for a build they do not need.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const inputs = ['src', 'config', 'package.json', 'babel.config.js', '.env', '.env.production'];
const stampFile = join('dist-h5', '.build-stamp');

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

export function h5BuildIsCurrent(root = process.cwd()) {
  const stamp = join(root, stampFile);
  if (!existsSync(stamp) || !existsSync(join(root, 'dist-h5', 'index.html'))) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => newestChange(join(root, input)) <= built);
}

export function ensureH5Build(root = process.cwd()) {
  if (h5BuildIsCurrent(root)) return { built: false, seconds: 0 };
  console.log('[h5] building the H5 app (about 30 s on first start)...');
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`H5 build failed (exit ${result.status})`);
  writeFileSync(join(root, stampFile), new Date().toISOString());
  const seconds = (Date.now() - started) / 1000;
  console.log(`[h5] built in ${seconds.toFixed(1)} s`);
  return { built: true, seconds };
}
