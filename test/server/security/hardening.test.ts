import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildApp } from '../../../server/app';
import { devLogin } from '../../support/api-session';
import { pngMultipart } from '../../support/route-fixtures';
import { startServerProcess } from '../../support/server-process';
import { createTestApp, type TestApp, testConfig } from '../../support/test-app';
import { openTestDatabase } from '../../support/test-database';

/** The limits count per clock minute: each burst starts at the start of a minute of its own. */
function startANewMinute(t: TestApp): void {
  const minute = 60_000;
  t.clock.set(new Date((Math.floor(t.clock.now().getTime() / minute) + 1) * minute));
}

describe('rate limits', () => {
  let t: TestApp;
  beforeEach(() => startANewMinute(t));
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { loginPerAddress: 3, writesPerUser: 4, writesPerAddress: 1000 } });
  });
  afterAll(() => t.close());

  it('answers 429 with the error shape and Retry-After once an address tries to log in too often', async () => {
    const attempts = [];
    for (let i = 0; i < 5; i++) {
      attempts.push(
        await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { name: `限速${i}` } }),
      );
    }
    expect(attempts.map((r) => r.statusCode)).toEqual([200, 200, 200, 429, 429]);
    expect(attempts[3]!.json()).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
    const retryAfter = Number(attempts[3]!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits writes per user, while reads go on', async () => {
    const other = await createTestApp({
      rateLimits: { loginPerAddress: 100, writesPerUser: 4, writesPerAddress: 1000 },
    });
    startANewMinute(other);
    try {
      const user = await devLogin(other.app, '写得太快');
      const create = (n: number) =>
        other.app.inject({
          method: 'POST',
          url: '/api/communities',
          headers: user.headers,
          payload: { name: `限速社群${n}`, goal: '一起进步', rules: '友善' },
        });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await create(i)).statusCode);
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
      const me = await other.app.inject({ url: '/api/me', headers: user.headers });
      expect(me.statusCode).toBe(200);
      expect(me.json().memberships).toHaveLength(4);
    } finally {
      await other.close();
    }
  });
});

describe('rate limits on bad input', () => {
  // Counted before the body is read: a flood of malformed writes is limited like any other.
  it('counts writes whose body is refused, so they cannot be sent without end', async () => {
    const t = await createTestApp({
      rateLimits: { loginPerAddress: 100, writesPerUser: 3, writesPerAddress: 1000 },
    });
    startANewMinute(t);
    try {
      const user = await devLogin(t.app, '坏请求');
      const create = (payload: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/communities',
          headers: { ...user.headers, 'content-type': 'application/json' },
          payload,
        });
      const statuses = [];
      for (const payload of ['{"name":', '{}', '[1,2]']) statuses.push((await create(payload)).statusCode);
      expect(statuses).toEqual([400, 400, 400]);
      const valid = await create(JSON.stringify({ name: '限速社群', goal: '一起进步', rules: '友善' }));
      expect(valid.statusCode).toBe(429);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits by the route reached', () => {
  // The router decodes percent-encoded paths: `/%61pi/auth/dev` is `/api/auth/dev`, and must count as it.
  it('counts a login however its path is spelled', async () => {
    const t = await createTestApp({
      rateLimits: { loginPerAddress: 3, writesPerUser: 100, writesPerAddress: 1000 },
    });
    startANewMinute(t);
    try {
      const spellings = [
        '/api/auth/dev',
        '/%61pi/auth/dev',
        '/api/%61uth/%64ev',
        '/%61%70%69/auth/dev',
        '/api/auth/d%65v',
      ];
      const statuses = [];
      for (const [i, url] of spellings.entries()) {
        statuses.push(
          (await t.app.inject({ method: 'POST', url, payload: { name: `拼写${i}` } })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('counts writes and uploads however their path is spelled', async () => {
    const t = await createTestApp({
      rateLimits: { loginPerAddress: 100, writesPerUser: 3, writesPerAddress: 1000 },
    });
    startANewMinute(t);
    try {
      const user = await devLogin(t.app, '换个写法');
      const upload = pngMultipart();
      const writes = [
        () =>
          t.app.inject({
            method: 'POST',
            url: '/%61pi/communities',
            headers: user.headers,
            payload: { name: '拼写社群', goal: '一起进步', rules: '友善' },
          }),
        () =>
          t.app.inject({
            method: 'POST',
            url: '/api/%75ploads',
            headers: { ...user.headers, ...upload.headers },
            payload: upload.payload,
          }),
        () =>
          t.app.inject({
            method: 'POST',
            url: '/%61pi/uploads',
            headers: { ...user.headers, ...upload.headers },
            payload: upload.payload,
          }),
        () =>
          t.app.inject({
            method: 'POST',
            url: '/api/uploads',
            headers: { ...user.headers, ...upload.headers },
            payload: upload.payload,
          }),
      ];
      const statuses = [];
      for (const write of writes) statuses.push((await write()).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends the headers that stop sniffing, framing and script injection, on answers and on errors', async () => {
    for (const url of ['/api/health', '/api/does-not-exist', '/%61pi/health']) {
      const response = await t.app.inject({ url });
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });

  it('refuses a body over the size limit with 413 and the error shape', async () => {
    const user = await devLogin(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/communities',
      headers: user.headers,
      payload: { name: '大', goal: '大'.repeat(100_000), rules: '大' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('production mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qy-prod-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const prodEnv = (extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    WECHAT_APPID: 'wx-prod-test',
    WECHAT_SECRET: 'prod-secret',
    WECHAT_PUSH_TOKEN: 'prodPushToken',
    PUBLIC_BASE_URL: 'https://qunyou.example.com',
    CHECK_IN_SECRET: 'prod-check-in-secret-of-at-least-32-chars',
    BACKGROUND_JOBS: '0',
    DATA_DIR: dataDir,
    ...extra,
  });

  it('refuses to start with dev login turned on, and says why', async () => {
    const server = startServerProcess(prodEnv({ ENABLE_DEV_LOGIN: '1' }));
    expect(await server.exited()).toBe(1);
    expect(server.output()).toContain('ENABLE_DEV_LOGIN');
  });

  // A real server process: PGlite's first start takes several seconds on a busy machine.
  it('has no dev login when it runs', async () => {
    const server = startServerProcess(prodEnv());
    try {
      const url = await server.listening(80_000);
      const login = await fetch(`${url}/api/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '李根' }),
      });
      expect(login.status).toBe(403);
      expect(await login.json()).toMatchObject({ code: 'DEV_LOGIN_DISABLED' });
      expect((await fetch(`${url}/api/auth/dev/users`)).status).toBe(403);
    } finally {
      await server.stop();
    }
  }, 100_000);
});

describe('session tokens in logs', () => {
  it('never writes a session token into the logs, even at debug level', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    const handle = await openTestDatabase();
    const app = await buildApp({ db: handle.db, config: testConfig, logger: { level: 'trace', stream } });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { name: '日志检查' } });
      const { token } = login.json();
      const headers = { authorization: `Bearer ${token}` };
      await app.inject({ url: '/api/me', headers });
      await app.inject({ method: 'POST', url: '/api/communities', headers, payload: { name: 1 } });
      await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(logs.length).toBeGreaterThan(0);
      expect(logs).toContain('/api/me');
      expect(logs).not.toContain(token);
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
