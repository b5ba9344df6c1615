import { uniqueName } from '../../../support/api-session';
import { mediaCheckEvent, signedPushQuery } from '../../../support/wechat-push';
import type { RouteEntry } from '../route-table';

/**
 * WeChat's message push: called by WeChat, not by a member, so no session is asked for; the
 * signature made with `WECHAT_PUSH_TOKEN` is its authorization (a forged one: 401, in
 * `uploads/picture-check.test.ts`).
 */
export const wechatRoutes: Record<string, RouteEntry> = {
  'GET /api/wechat/push': {
    access: 'public',
    request: () => ({
      url: '/api/wechat/push',
      query: { ...signedPushQuery(), echostr: uniqueName('echo') },
    }),
  },
  'POST /api/wechat/push': {
    access: 'public',
    // The signature in the URL itself: the bad-input suite changes the body and keeps the URL.
    request: () => ({
      url: `/api/wechat/push?${new URLSearchParams(signedPushQuery())}`,
      payload: mediaCheckEvent(uniqueName('trace-unknown-'), 'pass'),
    }),
  },
};
