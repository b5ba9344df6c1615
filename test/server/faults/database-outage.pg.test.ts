import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { devLogin, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

/**
 * Real PostgreSQL goes away (every connection terminated, new ones refused) and comes back: requests
 * fail with a clear 503 meanwhile and succeed again afterwards, with no restart of the app.
 */

let t: TestApp;
let admin: Client;
let databaseName: string;
let user: SignedInUser;

async function setConnectionsAllowed(allowed: boolean) {
  await admin.query(`alter database ${databaseName} allow_connections ${allowed}`);
  if (!allowed) {
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
      databaseName,
    ]);
  }
}

const createCommunity = (name: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/communities',
    headers: user.headers,
    payload: { name, goal: '一起进步', rules: '友善' },
  });

beforeAll(async () => {
  t = await createTestApp();
  const result = (await t.db.execute(sql`select current_database() as name`)) as unknown as {
    rows: Array<{ name: string }>;
  };
  databaseName = result.rows[0]!.name;
  admin = new Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  user = await devLogin(t.app, '停电测试员');
});
afterAll(async () => {
  await setConnectionsAllowed(true);
  await admin.end();
  await t.close();
});

it('answers 503 while the database is away and recovers by itself when it is back', async () => {
  expect((await createCommunity('停电前')).statusCode).toBe(201);

  await setConnectionsAllowed(false);
  for (const response of [
    await t.app.inject({ url: '/api/health' }),
    await t.app.inject({ url: '/api/me', headers: user.headers }),
    await createCommunity('停电中'),
  ]) {
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });
  }

  await setConnectionsAllowed(true);
  expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  expect((await createCommunity('来电后')).statusCode).toBe(201);
  const me = await t.app.inject({ url: '/api/me', headers: user.headers });
  expect(
    me
      .json()
      .memberships.map((m: { communityName: string }) => m.communityName)
      .sort(),
  ).toEqual(['停电前', '来电后'].sort());
});
