import { AppError } from '../../app-error';
import type { Config } from '../../config';
import { callWechat, type WechatReply } from './wechat-api';

interface Code2SessionReply extends WechatReply {
  openid?: string;
  unionid?: string;
  session_key?: string;
}

export interface WechatSession {
  openid: string;
  unionid: string | null;
  sessionKey: string;
}

/** Exchanges the mini program's `wx.login` code for the user's openid and session key. */
export async function exchangeLoginCode(
  config: Pick<Config, 'wechatApiBase' | 'wechatTimeoutMs' | 'wechatAppid' | 'wechatSecret'>,
  code: string,
): Promise<WechatSession> {
  if (!config.wechatAppid || !config.wechatSecret) throw new AppError('WECHAT_UNAVAILABLE', 503);
  const reply = await callWechat<Code2SessionReply>(config, '/sns/jscode2session', {
    query: {
      appid: config.wechatAppid,
      secret: config.wechatSecret,
      js_code: code,
      grant_type: 'authorization_code',
    },
  });
  if ((reply.errcode !== undefined && reply.errcode !== 0) || !reply.openid || !reply.session_key) {
    throw new AppError('WECHAT_LOGIN_FAILED', 401);
  }
  return { openid: reply.openid, unionid: reply.unionid ?? null, sessionKey: reply.session_key };
}
