import { eq } from 'drizzle-orm';
import { authSessions, users } from '../../../server/db/schema';
import type { AuthResult } from '../../../src/domain/contract/auth';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';

let wechat: FakeWechat;
let t: TestApp;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ wechatApiBase: wechat.baseUrl, wechatTimeoutMs: 300 });
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

const login = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } });

describe('POST /api/auth/wechat', () => {
  it('creates the user and answers our own session token', async () => {
    wechat.setCode('code-ok', { kind: 'ok', openid: 'openid-1', unionid: 'union-1', sessionKey: 'key-1' });
    const response = await login('code-ok');
    expect(response.statusCode).toBe(200);
    const result = response.json<AuthResult>();
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(result.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(result.user).toEqual({ id: expect.any(String), nickname: '微信用户', avatarUrl: null });

    const [user] = await t.db.select().from(users).where(eq(users.openid, 'openid-1'));
    expect(user).toMatchObject({ unionid: 'union-1', sessionKey: 'key-1' });

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${result.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: result.user, memberships: [], joinRequests: [] });
  });

  it('logs a returning user into the same account and refreshes the session key', async () => {
    wechat.setCode('code-a', { kind: 'ok', openid: 'openid-2', sessionKey: 'old' });
    wechat.setCode('code-b', { kind: 'ok', openid: 'openid-2', sessionKey: 'new' });
    const first = (await login('code-a')).json<AuthResult>();
    const second = (await login('code-b')).json<AuthResult>();
    expect(second.user.id).toBe(first.user.id);
    expect(second.token).not.toBe(first.token);
    const [user] = await t.db.select().from(users).where(eq(users.openid, 'openid-2'));
    expect(user!.sessionKey).toBe('new');
  });

  it('stores only a hash of the token', async () => {
    wechat.setCode('code-hash', { kind: 'ok', openid: 'openid-3' });
    const { token, user } = (await login('code-hash')).json<AuthResult>();
    const rows = await t.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 401 WECHAT_LOGIN_FAILED when WeChat refuses the code', async () => {
    wechat.setCode('code-used', { kind: 'errcode', errcode: 40163 });
    const response = await login('code-used');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'WECHAT_LOGIN_FAILED', message: '微信登录失败，请稍后再试' });
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat fails with 5xx', async () => {
    wechat.setCode('code-500', { kind: 'status', status: 500 });
    const response = await login('code-500');
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('WECHAT_UNAVAILABLE');
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat is too slow', async () => {
    // WeChat would answer with a valid openid after 2 s: a 503 and no new user prove the 1 s timeout cut it off.
    wechat.setCode('code-slow', { kind: 'delay', ms: 2000, openid: 'openid-slow' });
    const response = await login('code-slow');
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('WECHAT_UNAVAILABLE');
    expect(await t.db.select().from(users).where(eq(users.openid, 'openid-slow'))).toHaveLength(0);
  });

  it('answers 503 WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
    const offline = await createTestApp({ wechatApiBase: 'http://127.0.0.1:9' });
    try {
      const response = await offline.app.inject({
        method: 'POST',
        url: '/api/auth/wechat',
        payload: { code: 'x' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await offline.close();
    }
  });

  it('refuses a missing code with VALIDATION_FAILED', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { code: '必填' } });
  });
});
