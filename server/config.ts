import { type SubscribeTemplateKey, subscribeTemplateKeys, templateEnvName } from '../src/domain/notices';
import {
  type DatabasePooler,
  type DatabaseTimeouts,
  databasePoolers,
  defaultDatabaseTimeouts,
} from './db/postgres-pool';
import type { RateLimits } from './modules/rate-limits/rate-limiter';
export type NodeEnv = 'development' | 'test' | 'production';
export type ContentCheckMode = 'wechat' | 'local';
/** `log`: subscribe messages are written to the log instead of being sent (dev, tests). */
export type WechatSendMode = 'wechat' | 'log';
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Config {
  port: number;
  host: string;
  /** Set: real PostgreSQL. Unset: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** `transaction`: DATABASE_URL goes through PgBouncer in transaction mode (no named prepared statements). */
  databasePooler: DatabasePooler;
  /** PostgreSQL past the pooler, for migrations; unset: DATABASE_URL. */
  databaseDirectUrl?: string;
  dataDir: string;
  wechatApiBase: string;
  wechatAppid?: string;
  wechatSecret?: string;
  wechatTimeoutMs: number;
  /** The token of the mini program's message push (消息推送): WeChat signs every push with it. */
  wechatPushToken?: string;
  /** This API's public address (`https://api.example.com`): WeChat's picture check downloads pictures from it. */
  publicBaseUrl?: string;
  enableDevLogin: boolean;
  nodeEnv: NodeEnv;
  sessionTtlDays: number;
  seedDemo: boolean;
  serveH5Dir?: string;
  contentCheck: ContentCheckMode;
  logLevel: LogLevel;
  /** Run the background jobs (outbox dispatch, reminders...) in this process. */
  backgroundJobs: boolean;
  /** Behind a load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  rateLimits: RateLimits;
  /** PostgreSQL: how long to wait for a connection and for one statement before answering 503. */
  databaseTimeouts: DatabaseTimeouts;
  /** PostgreSQL: how long to keep trying to reach the database at start-up before giving up. */
  databaseConnectRetrySeconds: number;
  wechatSend: WechatSendMode;
  /**
   * Signs the check-in codes scanned on phones (the host's rotating code, a member's pass). Every
   * instance must hold the same one: they share nothing else but the database.
   */
  checkInSecret: string;
  /** WeChat subscribe-message template ids by key, from `WECHAT_TEMPLATE_<KEY>`. */
  subscribeTemplates: Partial<Record<SubscribeTemplateKey, string>>;
  /** Set: `GET /metrics` answers a scraper sending it as a bearer token. Unset: no metrics route at all. */
  metricsToken?: string;
  /** On SIGTERM, how long `/api/ready` answers 503 before connections close (the load balancer's turn to notice). */
  shutdownDrainMs: number;
}

const metricsTokenMinLength = 16;

const checkInSecretMinLength = 32;
/** Outside production only: anyone reading this file could sign check-in codes with it. */
const devCheckInSecret = 'dev-only-check-in-secret-not-for-production';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads the environment once; every bad value is reported together, so one restart fixes them all. */
export function parseConfig(env: Env): Config {
  const problems: string[] = [];

  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} 必须是 ${min} 到 ${max} 之间的整数，收到 "${raw}"`);
      return fallback;
    }
    return value;
  };

  const flag = (name: string): boolean => {
    const raw = text(name);
    if (raw === undefined || raw === '0' || raw === 'false') return false;
    if (raw === '1' || raw === 'true') return true;
    problems.push(`${name} 只能是 1 或 0，收到 "${raw}"`);
    return false;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} 只能是 ${allowed.join(' / ')}，收到 "${raw}"`);
    return fallback;
  };

  const url = (name: string, protocols: string[], fallback?: string): string | undefined => {
    const raw = text(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      if (protocols.includes(new URL(raw).protocol)) return raw.replace(/\/+$/, '');
    } catch {}
    problems.push(`${name} 必须是 ${protocols.map((protocol) => `${protocol}//`).join(' 或 ')} 开头的地址`);
    return undefined;
  };

  const nodeEnv = oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const enableDevLogin = flag('ENABLE_DEV_LOGIN');
  const wechatAppid = text('WECHAT_APPID');
  const wechatSecret = text('WECHAT_SECRET');

  if (nodeEnv === 'production' && enableDevLogin) {
    problems.push('生产环境 (NODE_ENV=production) 不允许开启 ENABLE_DEV_LOGIN：任何人都能冒充任何用户');
  }
  if (nodeEnv === 'production' && (!wechatAppid || !wechatSecret)) {
    problems.push('生产环境必须设置 WECHAT_APPID 和 WECHAT_SECRET');
  }
  const checkInSecret = text('CHECK_IN_SECRET');
  if (checkInSecret !== undefined && checkInSecret.length < checkInSecretMinLength) {
    problems.push(`CHECK_IN_SECRET 至少要 ${checkInSecretMinLength} 个字符`);
  }
  const metricsToken = text('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < metricsTokenMinLength) {
    problems.push(`METRICS_TOKEN 至少要 ${metricsTokenMinLength} 个字符`);
  }
  if (nodeEnv === 'production' && checkInSecret === undefined) {
    problems.push('生产环境必须设置 CHECK_IN_SECRET（签到二维码的签名密钥，各实例相同）');
  }

  const config: Config = {
    port: integer('PORT', 3000, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePooler: oneOf<DatabasePooler>('DATABASE_POOLER', databasePoolers, 'none'),
    databaseDirectUrl: url('DATABASE_DIRECT_URL', ['postgres:', 'postgresql:']),
    dataDir: text('DATA_DIR') ?? '.data',
    wechatApiBase: url('WECHAT_API_BASE', ['https:', 'http:'], 'https://api.weixin.qq.com') ?? '',
    wechatAppid,
    wechatSecret,
    wechatTimeoutMs: integer('WECHAT_TIMEOUT_MS', 5000, 100, 60000),
    wechatPushToken: pushToken(text('WECHAT_PUSH_TOKEN'), problems),
    publicBaseUrl: url('PUBLIC_BASE_URL', ['https:', 'http:']),
    enableDevLogin,
    nodeEnv,
    sessionTtlDays: integer('SESSION_TTL_DAYS', 30, 1, 365),
    seedDemo: flag('SEED_DEMO'),
    serveH5Dir: text('SERVE_H5_DIR'),
    contentCheck: oneOf<ContentCheckMode>(
      'CONTENT_CHECK',
      ['wechat', 'local'],
      nodeEnv === 'production' ? 'wechat' : 'local',
    ),
    logLevel: oneOf<LogLevel>('LOG_LEVEL', logLevels, 'info'),
    backgroundJobs: text('BACKGROUND_JOBS') === undefined ? true : flag('BACKGROUND_JOBS'),
    wechatSend: oneOf<WechatSendMode>(
      'WECHAT_SEND',
      ['wechat', 'log'],
      nodeEnv === 'production' ? 'wechat' : 'log',
    ),
    subscribeTemplates: parseSubscribeTemplates(env, problems),
    checkInSecret: checkInSecret ?? devCheckInSecret,
    trustProxy: flag('TRUST_PROXY'),
    rateLimits: {
      loginPerAddress: integer('RATE_LIMIT_LOGIN_PER_MINUTE', 20, 1, 1_000_000),
      writesPerUser: integer('RATE_LIMIT_WRITES_PER_USER_PER_MINUTE', 60, 1, 1_000_000),
      writesPerAddress: integer('RATE_LIMIT_WRITES_PER_ADDRESS_PER_MINUTE', 600, 1, 1_000_000),
    },
    databaseTimeouts: {
      connectMs: integer('DATABASE_CONNECT_TIMEOUT_MS', defaultDatabaseTimeouts.connectMs, 100, 120_000),
      statementMs: integer(
        'DATABASE_STATEMENT_TIMEOUT_MS',
        defaultDatabaseTimeouts.statementMs,
        100,
        600_000,
      ),
    },
    databaseConnectRetrySeconds: integer('DATABASE_CONNECT_RETRY_SECONDS', 30, 0, 3600),
    metricsToken,
    shutdownDrainMs: integer('SHUTDOWN_DRAIN_MS', 0, 0, 120_000),
  };

  if (config.nodeEnv === 'production' && config.contentCheck === 'wechat') {
    if (!config.wechatPushToken) {
      problems.push(
        '生产环境使用微信内容安全检测时必须设置 WECHAT_PUSH_TOKEN（小程序后台“消息推送”的 Token），否则图片审核结果无法送达',
      );
    }
    if (!config.publicBaseUrl) {
      problems.push(
        '生产环境使用微信内容安全检测时必须设置 PUBLIC_BASE_URL（本服务的公网地址），微信需要从这里下载待审核的图片',
      );
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** WeChat's console accepts 3 to 32 letters and digits as the message-push token. */
function pushToken(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined || /^[A-Za-z0-9]{3,32}$/.test(value)) return value;
  problems.push('WECHAT_PUSH_TOKEN 必须是 3 到 32 个英文字母或数字，与小程序后台“消息推送”里填写的一致');
  return undefined;
}

function parseSubscribeTemplates(env: Env, problems: string[]): Config['subscribeTemplates'] {
  const byEnvName = new Map(subscribeTemplateKeys.map((key) => [templateEnvName(key), key]));
  const templates: Config['subscribeTemplates'] = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('WECHAT_TEMPLATE_')) continue;
    const key = byEnvName.get(name);
    const value = raw?.trim();
    if (!key) {
      problems.push(`${name} 不是已知的订阅消息模板，可用：${[...byEnvName.keys()].join(' / ')}`);
    } else if (value) {
      templates[key] = value;
    }
  }
  return templates;
}

/** Dev login lets anyone pick any user: never in production, whatever the flag says. */
export function isDevLoginAllowed(config: Pick<Config, 'enableDevLogin' | 'nodeEnv'>): boolean {
  return config.enableDevLogin && config.nodeEnv !== 'production';
}
