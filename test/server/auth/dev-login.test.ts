import { devLogin, uniqueName } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';

describe('dev login when enabled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ enableDevLogin: true, nodeEnv: 'development' });
  });
  afterAll(() => t.close());

  it('creates a user the first time and picks the same user later', async () => {
    const name = uniqueName('小雪');
    const first = await devLogin(t.app, name);
    const second = await devLogin(t.app, name);
    expect(first.user.nickname).toBe(name);
    expect(second.user.id).toBe(first.user.id);
  });

  it('lists dev users with their role in their first community', async () => {
    const owner = await devLogin(t.app, uniqueName('群主'));
    await t.app.inject({
      method: 'POST',
      url: '/api/communities',
      headers: owner.headers,
      payload: { name: '列表测试社群', goal: '目标', rules: '群规' },
    });
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/dev/users' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toContainEqual({
      nickname: owner.user.nickname,
      role: 'owner',
      communityName: '列表测试社群',
    });
  });
});

describe.each([
  ['the flag is off', { enableDevLogin: false, nodeEnv: 'development' as const }],
  ['in production, even with the flag on', { enableDevLogin: true, nodeEnv: 'production' as const }],
])('dev login when %s', (_label, overrides) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(overrides);
  });
  afterAll(() => t.close());

  it('refuses with 403 DEV_LOGIN_DISABLED and creates nobody', async () => {
    const before = await rowCounts(t.db);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { name: '李根' } });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toEqual({ code: 'DEV_LOGIN_DISABLED', message: '开发登录未开启' });
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/dev/users' });
    expect(list.statusCode).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
