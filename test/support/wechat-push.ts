import type { App } from '../../server/app';
import { pushSignature } from '../../server/modules/wechat/push-signature';
import { testConfig } from './test-app';

let nonceCounter = 0;

/** The query WeChat signs a push with; `token` defaults to the test app's. */
export function signedPushQuery(token = testConfig.wechatPushToken!): Record<string, string> {
  const timestamp = '1764633600';
  nonceCounter += 1;
  const nonce = `nonce${nonceCounter}`;
  return { signature: pushSignature(token, timestamp, nonce), timestamp, nonce };
}

/** mediaCheckAsync v2's verdict as WeChat pushes it (JSON mode). */
export function mediaCheckEvent(traceId: string, suggest: 'pass' | 'risky' | 'review') {
  return {
    ToUserName: 'gh_test',
    FromUserName: 'o-test-openid',
    CreateTime: 1764633600,
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: testConfig.wechatAppid,
    trace_id: traceId,
    version: 2,
    result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }],
  };
}

/** WeChat answering a picture check: the push it makes to our route. */
export function pushMediaCheckVerdict(app: App, traceId: string, suggest: 'pass' | 'risky' | 'review') {
  return app.inject({
    method: 'POST',
    url: '/api/wechat/push',
    query: signedPushQuery(),
    payload: mediaCheckEvent(traceId, suggest),
  });
}
