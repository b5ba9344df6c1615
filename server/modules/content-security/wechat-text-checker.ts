import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { type AccessTokenConfig, callWechatWithToken } from '../wechat/access-token';
import type { WechatReply } from '../wechat/wechat-api';
import { type TextChecker, type TextCheckResult, textScenes } from './text-checker';

interface MsgSecCheckReply extends WechatReply {
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

/** msgSecCheck v2 in the scene of the kind of text. "review" is refused too: nobody reviews here. */
export function createWechatTextChecker(db: Database, config: AccessTokenConfig): TextChecker {
  return {
    async checkText(text, { scene, openid }): Promise<TextCheckResult> {
      const reply = await callWechatWithToken<MsgSecCheckReply>(db, config, '/wxa/msg_sec_check', {
        content: text,
        version: 2,
        scene: textScenes[scene],
        openid,
      });
      if (reply.errcode !== undefined && reply.errcode !== 0) throw new AppError('WECHAT_UNAVAILABLE', 503);
      if (reply.result?.suggest === 'pass') return { ok: true };
      return { ok: false, reason: '内容未通过微信内容安全检测' };
    },
  };
}
