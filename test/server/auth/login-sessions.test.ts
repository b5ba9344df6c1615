import { eq } from 'drizzle-orm';
import { authSessions } from '../../../server/db/schema';
import { hashLoginToken } from '../../../server/modules/auth/login-token';
import { devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/api/me', headers: authorization ? { authorization } : {} });

describe('bearer login sessions', () => {
  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const response = await me();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('answers 401 SESSION_EXPIRED for an unknown token', async () => {
    const response = await me('Bearer not-a-real-token');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('SESSION_EXPIRED');
  });

  it('answers 401 SESSION_EXPIRED once the session has expired', async () => {
    const user = await devLogin(t.app);
    expect((await me(user.headers.authorization)).statusCode).toBe(200);
    await t.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.tokenHash, hashLoginToken(user.token)));
    const response = await me(user.headers.authorization);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('SESSION_EXPIRED');
    const left = await t.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.tokenHash, hashLoginToken(user.token)));
    expect(left).toHaveLength(0);
  });

  it('logout deletes the session, so the token stops working', async () => {
    const user = await devLogin(t.app);
    const other = await devLogin(t.app);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.headers });
    expect(response.statusCode).toBe(204);
    expect((await me(user.headers.authorization)).json().code).toBe('SESSION_EXPIRED');
    expect((await me(other.headers.authorization)).statusCode).toBe(200);
  });
});
