import { randomUUID } from 'node:crypto';
import { buildApp } from '../../server/app';
import { notices } from '../../server/db/schema';
import { createCommunity, devLogin } from '../support/api-session';
import { createTestApp, type TestApp, testConfig } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

const token = 'scraper-token-of-the-tests';
const asScraper = { authorization: `Bearer ${token}` };

/** The value of one sample line (`name{labels} value`), or undefined when the line is not there. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('GET /metrics without METRICS_TOKEN', () => {
  it('does not exist', async () => {
    const t = await createTestApp();
    try {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: asScraper });
      expect(response.statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ metricsToken: token });
  });
  afterAll(() => t.close());

  it('refuses a scraper without the token, or with another one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-the-token' }, { authorization: token }]) {
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('http_request_duration_seconds');
    }
  });

  it('stays out of the API document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).not.toContain('/metrics');
  });

  it('times requests by route pattern and status class, not by raw address', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    for (const communityId of [community.id, randomUUID()]) {
      await t.app.inject({
        method: 'GET',
        url: `/api/communities/${communityId}/dashboard`,
        headers: owner.headers,
      });
    }

    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: asScraper });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const route = 'route="/api/communities/:communityId/dashboard"';
    expect(
      sample(response.body, `http_request_duration_seconds_count{method="GET",${route},status_code="2xx"}`),
    ).toBe(1);
    expect(
      sample(response.body, `http_request_duration_seconds_count{method="GET",${route},status_code="4xx"}`),
    ).toBe(1);
    expect(response.body).not.toContain(community.id);
    expect(response.body).toContain('process_resident_memory_bytes');
  });

  it('reports the outbox: how many notices are due and how long the oldest has waited', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    const now = t.clock.now();
    const dueFor = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    const notice = (dueAt: Date) => ({
      userId: owner.user.id,
      communityId: community.id,
      kind: 'session_reminder',
      title: '活动提醒',
      body: '明天见',
      link: '/member/session/index?id=x',
      dueAt,
      nextAttemptAt: dueAt,
    });
    await t.db
      .insert(notices)
      .values([notice(dueFor(90)), notice(dueFor(10)), notice(new Date(now.getTime() + 3_600_000))]);

    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: asScraper });
    expect(sample(response.body, 'qunyou_database_up')).toBe(1);
    expect(sample(response.body, 'qunyou_job_due_items{job="notice-dispatcher"}')).toBe(2);
    const lag = sample(response.body, 'qunyou_job_lag_seconds{job="notice-dispatcher"}') ?? 0;
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(120);
    for (const job of ['scheduled-tip-publisher', 'session-offer-expiry', 'picture-check-requests']) {
      expect(sample(response.body, `qunyou_job_due_items{job="${job}"}`)).toBe(0);
    }
    // PGlite has no pool.
    expect(response.body).not.toContain('qunyou_db_pool_connections');
  });

  it('compresses the scrape for a scraper that accepts gzip', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { ...asScraper, 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});

describe('GET /metrics on PostgreSQL, and with the database gone', () => {
  it('reports the pool, then answers without the database, saying it is down', async () => {
    const handle = await openTestDatabase();
    const app = await buildApp({
      db: handle.db,
      config: { ...testConfig, metricsToken: token },
      poolUse: () => ({ total: 7, idle: 2, waiting: 3 }),
    });
    try {
      const up = await app.inject({ method: 'GET', url: '/metrics', headers: asScraper });
      expect(sample(up.body, 'qunyou_db_pool_connections')).toBe(7);
      expect(sample(up.body, 'qunyou_db_pool_idle_connections')).toBe(2);
      expect(sample(up.body, 'qunyou_db_pool_waiting_requests')).toBe(3);

      await handle.close();
      const down = await app.inject({ method: 'GET', url: '/metrics', headers: asScraper });
      expect(down.statusCode).toBe(200);
      expect(sample(down.body, 'qunyou_database_up')).toBe(0);
      expect(down.body).not.toContain('qunyou_job_due_items{');
      expect(sample(down.body, 'qunyou_db_pool_connections')).toBe(7);
    } finally {
      await app.close();
    }
  });
});
