import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

/**
 * The API address the test build is made with. No server is there (.invalid never resolves): the
 * test's `wx.request` sends what goes to this address to the test's own server, and counts anything
 * else as a request WeChat would refuse.
 */
export const testApiBase = 'https://api.weapp-test.invalid';

export interface TaroBuildResult {
  code: number | null;
  output: string;
}

/**
 * `taro build --type weapp` as `npm run build:weapp` runs it (a release build), with the API address
 * given in the shell, which wins over the .env files. Holds /tmp/taro-build.lock, as every Taro
 * build in this repository does (the bench, other worktrees on this machine).
 */
export function buildWeapp(apiBase: string): Promise<TaroBuildResult> {
  const child = spawn(
    'flock',
    [
      '/tmp/taro-build.lock',
      process.execPath,
      'node_modules/@tarojs/cli/bin/taro',
      'build',
      '--type',
      'weapp',
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_API_BASE: apiBase, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
