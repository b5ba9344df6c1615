import type { InjectOptions } from 'fastify';
import { Client } from 'pg';
import { prepareBurst } from '../../../bench/signup-burst';
import { type App, buildApp } from '../../../server/app';
import type { DatabaseHandle } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/open-database';
import { devLogin, type SignedInUser } from '../../support/api-session';
import { type StallingProxy, startStallingProxy } from '../../support/stalling-proxy';
import { testConfig } from '../../support/test-app';
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
  let database: FreshPostgresDatabase;
  let handle: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createFreshPostgresDatabase(testDatabaseUrl()!);
    handle = openPostgres(database.url);
    await handle.migrate();
    app = await buildApp({ db: handle.db, config: testConfig });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    await database.drop();
  });

  /** Backends of this test's database that wait for a lock someone else holds. */
  async function lockWaiters(observer: Client): Promise<number> {
    // Inside the observer's transaction the activity view is a snapshot taken at first read: take a fresh one.
    await observer.query('select pg_stat_clear_snapshot()');
    const { rows } = await observer.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return rows[0].waiting;
  }

  // The session row is held from outside, so every sign-up of the burst must wait for it. They wait
  // in the app's line on one connection, not on one connection each: the rest of the pool stays free,
  // and a member who opens the app meanwhile is answered. (Timings are for bench/pool-isolation.ts.)
  it('leaves the rest of the pool to other requests: GET /api/me is answered while every sign-up waits', async () => {
    const { users, sessionId } = await prepareBurst(app, handle.db, 200, 60);
    const reader = await devLogin(app, '旁观者');
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from sessions where id = $1 for update', [sessionId]);
      let answered = 0;
      const burst = Promise.all(
        users.map(async (member) => {
          const response = await app.inject({
            method: 'POST',
            url: `/api/sessions/${sessionId}/signups`,
            headers: member.headers,
            payload: {},
          });
          answered += 1;
          return response.statusCode;
        }),
      );
      while ((await lockWaiters(holder)) === 0) await new Promise((resolve) => setImmediate(resolve));

      const me = await app.inject({ url: '/api/me', headers: reader.headers });
      expect({ me: me.statusCode, answered }).toEqual({ me: 200, answered: 0 });
      await holder.query('commit');
      expect((await burst).every((status) => status === 200)).toBe(true);
    } finally {
      await holder.end();
    }
  }, 120_000);
});
