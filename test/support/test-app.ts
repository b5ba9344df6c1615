import { type App, buildApp } from '../../server/app';
import type { Config } from '../../server/config';
import type { Database } from '../../server/db/database';
import { startReadCaches } from '../../server/read-caches/start-read-caches';
import { type TestClock, testClock } from './test-clock';
import { openTestDatabase, testDatabaseTimeouts } from './test-database';

export const testConfig: Config = {
  port: 0,
  host: '127.0.0.1',
  databasePooler: 'none',
  dataDir: '.data-test-unused',
  // Nothing listens on port 9: a test that forgets the fake WeChat fails fast instead of calling WeChat.
  wechatApiBase: 'http://127.0.0.1:9',
  wechatAppid: 'wx-test-appid',
  wechatSecret: 'test-secret',
  wechatTimeoutMs: 1000,
  wechatPushToken: 'testPushToken',
  publicBaseUrl: 'https://qunyou.test',
  enableDevLogin: true,
  nodeEnv: 'test',
  sessionTtlDays: 30,
  seedDemo: false,
  contentCheck: 'local',
  logLevel: 'silent',
  // Tests run jobs with `runOnce`, never the runner in the background.
  backgroundJobs: false,
  wechatSend: 'wechat',
  subscribeTemplates: {},
  checkInSecret: 'test-check-in-secret-of-at-least-32-chars',
  trustProxy: false,
  // Tests sign in and write far faster than people; the rate-limit test sets its own.
  rateLimits: { loginPerAddress: 1_000_000, writesPerUser: 1_000_000, writesPerAddress: 1_000_000 },
  databaseTimeouts: testDatabaseTimeouts,
  databaseConnectRetrySeconds: 0,
  shutdownDrainMs: 0,
};

export interface TestApp {
  app: App;
  db: Database;
  config: Config;
  /** The app's clock: move it instead of waiting. */
  clock: TestClock;
  /** Closes the app, then the database (PGlite, or drops the PostgreSQL test database). */
  close(): Promise<void>;
}

/**
 * `withReadCaches`: reads sign in, and the feed answers, from the caches fed by the database's
 * notices, as in `npm start`. Off by default: tests change rows directly and read at once through
 * the API, where a notice of PostgreSQL still on its way would answer from before the change.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  { withReadCaches = false }: { withReadCaches?: boolean } = {},
): Promise<TestApp> {
  const handle = await openTestDatabase();
  const config = { ...testConfig, ...overrides };
  const clock = testClock();
  const readCaches = startReadCaches(withReadCaches ? handle.listenForChanges : undefined);
  try {
    const app = await buildApp({ db: handle.db, config, clock: clock.now, readCaches: readCaches.caches });
    return {
      app,
      db: handle.db,
      config,
      clock,
      async close() {
        await app.close();
        await readCaches.close();
        await handle.close();
      },
    };
  } catch (error) {
    await readCaches.close();
    await handle.close();
    throw error;
  }
}
