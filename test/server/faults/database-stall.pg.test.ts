import type { InjectOptions } from 'fastify';
import { Client } from 'pg';
import { prepareBurst } from '../../../bench/signup-burst';
import { type App, buildApp } from '../../../server/app';
import type { DatabaseHandle } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/open-database';
import { devLogin, type SignedInUser } from '../../support/api-session';
import { type StallingProxy, startStallingProxy } from '../../support/stalling-proxy';
import { createTestApp, type TestApp, testConfig } from '../../support/test-app';
import {
  createFreshPostgresDatabase,
  type FreshPostgresDatabase,
  testDatabaseUrl,
} from '../../support/test-database';

/**
 * A database that stops answering (a lock someone holds, a network that stops forwarding) must not
 * hang requests: each answers 503 SERVICE_UNAVAILABLE within seconds, and the app carries on by itself
 * once the database answers again. Timeouts are short here (1 s) so the test is quick.
 */

const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;
const timeouts = { connectMs: 1_000, statementMs: 1_000 };
/** Generous against the timeouts above (at most about 2 s): the point is an answer, not a hang. */
const answerWithinMs = 6_000;

describeOnPostgres('a stalled database', () => {
  let database: FreshPostgresDatabase;
  let proxy: StallingProxy;
  let handle: DatabaseHandle;
  let app: App;
  let user: SignedInUser;

  beforeAll(async () => {
    database = await createFreshPostgresDatabase(testDatabaseUrl()!);
    const direct = openPostgres(database.url);
    await direct.migrate();
    await direct.close();
    proxy = await startStallingProxy(database.url);
    handle = openPostgres(proxy.url, { timeouts });
    app = await buildApp({ db: handle.db, config: { ...testConfig, databaseTimeouts: timeouts } });
    user = await devLogin(app, '卡住测试员');
  });
  afterAll(async () => {
    proxy.resume();
    await app.close();
    await handle.close();
    await proxy.close();
    await database.drop();
  });

  const requests = (): Array<[string, InjectOptions]> => [
    ['GET /api/me', { url: '/api/me', headers: user.headers }],
    [
      'POST /api/communities',
      {
        method: 'POST',
        url: '/api/communities',
        headers: user.headers,
        payload: { name: '卡住的社群', goal: '一起进步', rules: '友善' },
      },
    ],
    ['POST /api/auth/dev', { method: 'POST', url: '/api/auth/dev', payload: { name: '卡住时登录' } }],
  ];

  async function expectUnavailableWithinSeconds(name: string, request: InjectOptions) {
    const started = Date.now();
    const response = await app.inject(request);
    const answer = {
      name,
      status: response.statusCode,
      body: response.json(),
      quick: Date.now() - started < answerWithinMs,
    };
    expect(answer).toEqual({
      name,
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
      quick: true,
    });
  }

  it('answers 503 within seconds while a lock every request needs is held, and carries on once it is released', async () => {
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      // Every signed-in request reads its session; a login writes one.
      await holder.query('lock table auth_sessions in access exclusive mode');
      for (const [name, request] of requests()) await expectUnavailableWithinSeconds(name, request);
      await holder.query('commit');
    } finally {
      await holder.end();
    }
    expect((await app.inject({ url: '/api/me', headers: user.headers })).statusCode).toBe(200);
  });

  it('answers 503 within seconds when the database stops answering, and recovers when it answers again', async () => {
    proxy.stall();
    try {
      await expectUnavailableWithinSeconds('GET /api/health', { url: '/api/health' });
      for (const [name, request] of requests()) await expectUnavailableWithinSeconds(name, request);
    } finally {
      proxy.resume();
    }
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: user.headers })).statusCode).toBe(200);
  });
});

describeOnPostgres('a burst on one hot row', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // Without turns on the row, the burst takes the whole pool while it waits for the row lock, and
  // GET /api/me queues behind nearly all of it (1.4 s against 5 ms). Timings are for the bench
  // (bench/pool-isolation.ts); here, the order: the reader is served while most of the burst waits.
  it('leaves the rest of the pool to other requests: GET /api/me is answered while most sign-ups still wait', async () => {
    const { users, sessionId } = await prepareBurst(t.app, t.db, 200, 60);
    const reader = await devLogin(t.app, '旁观者');
    let pending = users.length;
    const burst = Promise.all(
      users.map(async (member) => {
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/sessions/${sessionId}/signups`,
          headers: member.headers,
          payload: {},
        });
        pending -= 1;
        return response.statusCode;
      }),
    );
    // Once the burst holds the row (the first sign-ups are through), a member opens the app.
    while (pending > users.length - 3) await new Promise((resolve) => setImmediate(resolve));
    const me = await t.app.inject({ url: '/api/me', headers: reader.headers });
    const stillWaiting = pending;
    expect(me.statusCode).toBe(200);
    expect(stillWaiting).toBeGreaterThan(users.length / 2);
    expect((await burst).every((status) => status === 200)).toBe(true);
  }, 120_000);
});
