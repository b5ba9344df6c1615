import { eq } from 'drizzle-orm';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import type { Database } from '../../db/database';
import { wechatAccessTokens } from '../../db/schema';
import { callWechat, type WechatReply } from './wechat-api';

interface TokenReply extends WechatReply {
  access_token?: string;
  expires_in?: number;
}

export type AccessTokenConfig = Pick<
  Config,
  'wechatApiBase' | 'wechatTimeoutMs' | 'wechatAppid' | 'wechatSecret'
>;

/** Renew a little early so a token never expires between reading it and using it. */
const renewMarginMs = 5 * 60 * 1000;

/**
 * The access token lives in the database, not in this process: every instance reads the same one,
 * and a restart does not fetch a new one (each fetch invalidates the previous token after a while).
 */
export async function getAccessToken(
  db: Database,
  config: AccessTokenConfig,
  options: { forceRefresh?: boolean } = {},
): Promise<string> {
  const appid = config.wechatAppid;
  if (!appid || !config.wechatSecret) throw new AppError('WECHAT_UNAVAILABLE', 503);
  if (!options.forceRefresh) {
    const [cached] = await db.select().from(wechatAccessTokens).where(eq(wechatAccessTokens.appid, appid));
    if (cached && cached.expiresAt.getTime() - renewMarginMs > Date.now()) return cached.accessToken;
  }
  const reply = await callWechat<TokenReply>(config, '/cgi-bin/token', {
    query: { grant_type: 'client_credential', appid, secret: config.wechatSecret },
  });
  if (!reply.access_token || !reply.expires_in) throw new AppError('WECHAT_UNAVAILABLE', 503);
  const row = {
    appid,
    accessToken: reply.access_token,
    expiresAt: new Date(Date.now() + reply.expires_in * 1000),
  };
  await db
    .insert(wechatAccessTokens)
    .values(row)
    .onConflictDoUpdate({
      target: wechatAccessTokens.appid,
      set: { accessToken: row.accessToken, expiresAt: row.expiresAt },
    });
  return row.accessToken;
}

/** WeChat's access-token errors: the cached token was replaced or expired early. */
const staleTokenErrcodes = new Set([40001, 42001]);

/**
 * A POST to a WeChat API that takes the access token; asked once more with a fresh token when
 * WeChat says the kept one is stale (another instance renewed it, or it expired early).
 */
export async function callWechatWithToken<T extends WechatReply>(
  db: Database,
  config: AccessTokenConfig,
  path: string,
  json: unknown,
): Promise<T> {
  const ask = async (forceRefresh: boolean) =>
    callWechat<T>(config, path, {
      query: { access_token: await getAccessToken(db, config, { forceRefresh }) },
      json,
    });
  const reply = await ask(false);
  if (reply.errcode !== undefined && staleTokenErrcodes.has(reply.errcode)) return ask(true);
  return reply;
}
