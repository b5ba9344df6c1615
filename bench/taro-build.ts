import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const helloRoot = path.join(repoRoot, 'test/fixtures/hello-taro');

/**
 * A production Taro build with the project's own config/index.ts; `fixture` builds the bare
 * hello world from test/fixtures/hello-taro instead (same config, other source and output folders).
 * Holds /tmp/taro-build.lock, as every Taro build in this repo does.
 */
export function taroBuild(type: 'weapp' | 'h5', fixture: boolean): string {
  const outputRoot = fixture
    ? path.join(helloRoot, type === 'h5' ? 'dist-h5' : 'dist')
    : path.join(repoRoot, type === 'h5' ? 'dist-h5' : 'dist');
  // The bench measures the build and never calls its API: a placeholder address satisfies the weapp
  // build's check (config/api-address.ts); .invalid never resolves.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    TARO_APP_API_BASE: 'https://api.bench.invalid',
  };
  if (fixture) {
    env.TARO_SOURCE_ROOT = path.relative(repoRoot, path.join(helloRoot, 'src'));
    env.TARO_OUTPUT_ROOT = path.relative(repoRoot, outputRoot);
  }
  const result = spawnSync(
    'flock',
    ['/tmp/taro-build.lock', process.execPath, 'node_modules/@tarojs/cli/bin/taro', 'build', '--type', type],
    { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (result.status !== 0)
    throw new Error(
      `taro build --type ${type}${fixture ? ' (hello fixture)' : ''} failed:\n${result.stderr?.toString().slice(-4000)}`,
    );
  if (!existsSync(outputRoot)) throw new Error(`taro build wrote nothing to ${outputRoot}`);
  return outputRoot;
}
