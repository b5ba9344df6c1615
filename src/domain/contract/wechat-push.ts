import { type Static, Type } from '@sinclair/typebox';
import { optionalSingleLineText } from './common';

/**
 * WeChat's message push (消息推送, plain-text JSON mode) to `/api/wechat/push`: signed in the query
 * with the token set in the mini program's console. Fields WeChat adds later are let through.
 */
export const WechatPushQuery = Type.Object({
  signature: Type.String({ pattern: '^[0-9a-fA-F]{40}$' }),
  timestamp: Type.String({ pattern: '^[0-9]{1,20}$' }),
  nonce: Type.String({ pattern: '^[0-9A-Za-z]{1,64}$' }),
  /** Only in the GET handshake: answered back as it came once the signature holds. */
  echostr: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z_-]{1,256}$' })),
});
export type WechatPushQuery = Static<typeof WechatPushQuery>;

/** One pushed event; we act on `wxa_media_check` (mediaCheckAsync v2's verdict) only. */
export const WechatPushEvent = Type.Object({
  ToUserName: Type.Optional(optionalSingleLineText(128)),
  FromUserName: Type.Optional(optionalSingleLineText(128)),
  CreateTime: Type.Optional(Type.Integer()),
  MsgType: Type.Optional(optionalSingleLineText(64)),
  Event: Type.Optional(optionalSingleLineText(64)),
  appid: Type.Optional(optionalSingleLineText(64)),
  trace_id: Type.Optional(optionalSingleLineText(128)),
  version: Type.Optional(Type.Integer()),
  result: Type.Optional(
    Type.Object({
      suggest: Type.Optional(optionalSingleLineText(16)),
      label: Type.Optional(Type.Union([Type.Integer(), optionalSingleLineText(16)])),
    }),
  ),
  /** Present in the encrypted (safe) mode, which this server does not take. */
  Encrypt: Type.Optional(optionalSingleLineText(65536)),
});
export type WechatPushEvent = Static<typeof WechatPushEvent>;
