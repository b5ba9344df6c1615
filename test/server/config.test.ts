import { ConfigError, parseConfig } from '../../server/config';

const secret = 'check-in-secret-of-at-least-32-chars';

/** What production needs at least: the mini program's credentials, the picture check's and the check-in codes' secret. */
const production = {
  NODE_ENV: 'production',
  WECHAT_APPID: 'a',
  WECHAT_SECRET: 's',
  WECHAT_PUSH_TOKEN: 'pushToken1',
  PUBLIC_BASE_URL: 'https://api.example.com',
  CHECK_IN_SECRET: secret,
};

describe('parseConfig', () => {
  it('signs check-in codes with CHECK_IN_SECRET: a dev default, refused missing or short in production', () => {
    expect(parseConfig({}).checkInSecret.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({ CHECK_IN_SECRET: secret }).checkInSecret).toBe(secret);
    const { CHECK_IN_SECRET: _, ...withoutSecret } = production;
    expect(() => parseConfig(withoutSecret)).toThrow(/CHECK_IN_SECRET/);
    expect(() => parseConfig({ CHECK_IN_SECRET: 'short' })).toThrow(/CHECK_IN_SECRET 至少要 32 个字符/);
  });

  it('serves metrics only with a METRICS_TOKEN long enough to resist guessing', () => {
    expect(parseConfig({}).metricsToken).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: 'scraper-token-16chars' }).metricsToken).toBe(
      'scraper-token-16chars',
    );
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN 至少要 16 个字符/);
  });

  it('drains for SHUTDOWN_DRAIN_MS before closing: none by default', () => {
    expect(parseConfig({}).shutdownDrainMs).toBe(0);
    expect(parseConfig({ SHUTDOWN_DRAIN_MS: '10000' }).shutdownDrainMs).toBe(10_000);
    expect(() => parseConfig({ SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS/);
  });

  it('goes through a transaction pooler only when told, with migrations on a direct address', () => {
    expect(parseConfig({}).databasePooler).toBe('none');
    const behindPgBouncer = parseConfig({
      DATABASE_URL: 'postgres://app@pgbouncer:6432/qunyou',
      DATABASE_POOLER: 'transaction',
      DATABASE_DIRECT_URL: 'postgres://app@postgres:5432/qunyou',
    });
    expect(behindPgBouncer.databasePooler).toBe('transaction');
    expect(behindPgBouncer.databaseDirectUrl).toBe('postgres://app@postgres:5432/qunyou');
    expect(() => parseConfig({ DATABASE_POOLER: 'session' })).toThrow(/DATABASE_POOLER/);
    expect(() => parseConfig({ DATABASE_DIRECT_URL: 'mysql://x' })).toThrow(/DATABASE_DIRECT_URL/);
  });

  it('fills defaults', () => {
    expect(parseConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '.data',
      databaseUrl: undefined,
      wechatApiBase: 'https://api.weixin.qq.com',
      sessionTtlDays: 30,
      enableDevLogin: false,
      seedDemo: false,
      nodeEnv: 'development',
      contentCheck: 'local',
      logLevel: 'info',
    });
  });

  it('refuses dev login in production, loudly', () => {
    expect(() =>
      parseConfig({
        NODE_ENV: 'production',
        ENABLE_DEV_LOGIN: '1',
        WECHAT_APPID: 'a',
        WECHAT_SECRET: 's',
        CHECK_IN_SECRET: secret,
      }),
    ).toThrow(/ENABLE_DEV_LOGIN/);
  });

  it('uses WeChat content checks in production', () => {
    const config = parseConfig(production);
    expect(config.contentCheck).toBe('wechat');
  });

  it('runs background jobs unless BACKGROUND_JOBS=0, and logs subscribe messages outside production', () => {
    expect(parseConfig({})).toMatchObject({
      backgroundJobs: true,
      wechatSend: 'log',
      subscribeTemplates: {},
    });
    expect(parseConfig({ BACKGROUND_JOBS: '0', WECHAT_SEND: 'wechat' })).toMatchObject({
      backgroundJobs: false,
      wechatSend: 'wechat',
    });
    expect(parseConfig(production).wechatSend).toBe('wechat');
  });

  it('reads subscribe-message template ids from WECHAT_TEMPLATE_<KEY> and refuses unknown ones', () => {
    expect(
      parseConfig({ WECHAT_TEMPLATE_SESSION_REMINDER: ' tmpl-a ', WECHAT_TEMPLATE_WAITLIST_PROMOTED: '' })
        .subscribeTemplates,
    ).toEqual({ sessionReminder: 'tmpl-a' });
    expect(() => parseConfig({ WECHAT_TEMPLATE_SESION_REMINDER: 'x' })).toThrow(
      /WECHAT_TEMPLATE_SESION_REMINDER/,
    );
    expect(() => parseConfig({ WECHAT_SEND: 'sms' })).toThrow(/WECHAT_SEND/);
  });

  it('refuses an unknown log level', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('needs the push token and the public address in production with WeChat checks, for the picture check', () => {
    const { WECHAT_PUSH_TOKEN: _token, PUBLIC_BASE_URL: _url, ...without } = production;
    expect(() => parseConfig(without)).toThrow(/WECHAT_PUSH_TOKEN[\s\S]*PUBLIC_BASE_URL/);
    expect(parseConfig({ ...without, CONTENT_CHECK: 'local' }).contentCheck).toBe('local');
    expect(() => parseConfig({ ...production, WECHAT_PUSH_TOKEN: 'has spaces' })).toThrow(
      /WECHAT_PUSH_TOKEN/,
    );
    expect(() => parseConfig({ ...production, PUBLIC_BASE_URL: 'api.example.com' })).toThrow(
      /PUBLIC_BASE_URL/,
    );
    expect(parseConfig(production)).toMatchObject({
      wechatPushToken: 'pushToken1',
      publicBaseUrl: 'https://api.example.com',
    });
  });

  it('reports every bad value at once', () => {
    try {
      parseConfig({ PORT: 'abc', SESSION_TTL_DAYS: '0', DATABASE_URL: 'mysql://x', SEED_DEMO: 'yes' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
        'DATABASE_URL',
        'PORT',
        'SEED_DEMO',
        'SESSION_TTL_DAYS',
      ]);
    }
  });
});
