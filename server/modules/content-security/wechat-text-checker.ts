import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { type AccessTokenConfig, getAccessToken } from '../wechat/access-token';
import { callWechat, type WechatReply } from '../wechat/wechat-api';
import type { TextChecker, TextCheckResult } from './text-checker';

interface MsgSecCheckReply extends WechatReply {
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

/** WeChat's access-token errors: the cached token was replaced or expired early. */
const staleTokenErrcodes = new Set([40001, 42001]);

/** msgSecCheck v2, scene 1 (profile-like content). "review" is refused too: nobody reviews here. */
const sceneProfile = 1;

export function createWechatTextChecker(db: Database, config: AccessTokenConfig): TextChecker {
  const ask = async (text: string, openid: string | undefined, forceRefresh: boolean) =>
    callWechat<MsgSecCheckReply>(config, '/wxa/msg_sec_check', {
      query: { access_token: await getAccessToken(db, config, { forceRefresh }) },
      json: { content: text, version: 2, scene: sceneProfile, openid },
    });

  return {
    async checkText(text, options = {}): Promise<TextCheckResult> {
      let reply = await ask(text, options.openid, false);
      if (reply.errcode !== undefined && staleTokenErrcodes.has(reply.errcode)) {
        reply = await ask(text, options.openid, true);
      }
      if (reply.errcode !== undefined && reply.errcode !== 0) throw new AppError('WECHAT_UNAVAILABLE', 503);
      if (reply.result?.suggest === 'pass') return { ok: true };
      return { ok: false, reason: '内容未通过微信内容安全检测' };
    },
  };
}
