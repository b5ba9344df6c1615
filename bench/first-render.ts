import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openPhoneBrowser } from '../test/e2e/browser';
import { testConfig } from '../test/support/test-app';
import { atMost, type BenchRow, row } from './bench-row';
import { seedFeedCommunity } from './feed-bench';
import { repoRoot, taroBuild } from './taro-build';

/** The H5 app as `npm start` and the browser tests serve it: rebuilt only when its sources changed. */
function ensureAppH5Build() {
  const result = spawnSync(
    'flock',
    [
      '/tmp/taro-build.lock',
      process.execPath,
      '-e',
      "import('./scripts/h5-build.mjs').then((m) => m.ensureH5Build())",
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (result.status !== 0) throw new Error(`H5 build failed:\n${result.stderr?.toString().slice(-4000)}`);
  return path.join(repoRoot, 'dist-h5');
}

/**
 * Milliseconds from navigation start to the first element matching `selector` in the DOM, read
 * with the Performance API in the page itself; a fresh browser profile (cold cache) every time.
 */
async function timeToFirst(url: string, selector: string, storage: Record<string, string>) {
  const context = await openPhoneBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    await page.addInitScript(`{
      for (const [key, value] of Object.entries(${JSON.stringify(storage)})) localStorage.setItem(key, value);
      const observer = new MutationObserver(() => {
        if (!document.querySelector(${JSON.stringify(selector)})) return;
        window.__firstRender = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    }`);
    await page.goto(url);
    const firstRender = await page.waitForFunction(
      () => (globalThis as unknown as { __firstRender?: number }).__firstRender,
      null,
      { timeout: 30_000 },
    );
    return Number(await firstRender.jsonValue());
  } finally {
    await context.close();
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Point 5: the H5 tips feed (为你推荐, a member of a 1,000-tip community) until its first tip card,
 * against the bare hello-world fixture's H5 build until its text, both served from this process.
 */
export async function firstRenderBench(db: Database, options: { runs: number }): Promise<BenchRow[]> {
  const appRoot = ensureAppH5Build();
  const helloRoot = taroBuild('h5', true);
  const app = await buildApp({ db, config: { ...testConfig, serveH5Dir: appRoot } });
  const hello = Fastify();
  await hello.register(fastifyStatic, { root: helloRoot });
  try {
    const { communityId, member } = await seedFeedCommunity(app, db, 1_000);
    const session = {
      state: { token: member.token, user: member.user, currentCommunityId: communityId },
      version: 0,
    };
    const storage = { 'qunyou-session': JSON.stringify({ data: JSON.stringify(session) }) };
    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 });
    const ours: number[] = [];
    const bare: number[] = [];
    // Alternate, so a noisy moment on this shared machine hits both sides alike.
    for (let i = 0; i < options.runs + 1; i += 1) {
      const o = await timeToFirst(`${appUrl}/#/pages/tips/index`, '.tip-card', storage);
      const b = await timeToFirst(`${helloUrl}/`, '.hello', {});
      if (i > 0) {
        ours.push(o);
        bare.push(b);
      }
    }
    return [
      row(
        '5 first render',
        `H5 feed: first tip card (median of ${options.runs})`,
        median(ours),
        'ms',
        median(bare),
        atMost(1.5),
      ),
    ];
  } finally {
    await app.close();
    await hello.close();
  }
}
