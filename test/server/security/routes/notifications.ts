import { inboxMessages, notices } from '../../../../server/db/schema';
import { once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

/** A message in the member's inbox, as the dispatcher leaves it after sending a notice. */
function memberMessage(f: Fixture) {
  return once(f, 'inbox-message', async () => {
    const content = {
      userId: f.users.member.user.id,
      communityId: f.communityId,
      kind: 'session_reminder',
      title: '活动提醒：周六晨跑',
      body: '周六晨跑明天 07:00 开始，别忘了。',
      link: '/pages/index/index',
    };
    const now = new Date();
    const [notice] = await f.db
      .insert(notices)
      .values({ ...content, dueAt: now, nextAttemptAt: now, status: 'sent', channel: 'inbox', sentAt: now })
      .returning();
    const [message] = await f.db
      .insert(inboxMessages)
      .values({ ...content, noticeId: notice!.id, createdAt: now })
      .returning();
    return message!;
  });
}

/** Nobody but its recipient learns that a message exists. */
const notTheRecipient = { status: 404, code: 'NOT_FOUND' };

/** Notifications: everyone has their own inbox; the client configuration is public. */
export const notificationRoutes: Record<string, RouteEntry> = {
  'GET /api/config/client': { access: 'public', request: () => ({ url: '/api/config/client' }) },
  'POST /api/me/subscriptions': {
    access: 'signed-in',
    request: () => ({ url: '/api/me/subscriptions', payload: { accepted: ['sessionReminder'] } }),
  },
  'GET /api/me/inbox': {
    access: 'signed-in',
    request: () => ({ url: '/api/me/inbox' }),
  },
  'GET /api/me/inbox/unread-count': {
    access: 'signed-in',
    request: () => ({ url: '/api/me/inbox/unread-count' }),
  },
  'POST /api/me/inbox/{messageId}/read': {
    access: 'signed-in',
    request: async (f) => ({ url: `/api/me/inbox/${(await memberMessage(f)).id}/read` }),
    expect: {
      outsider: notTheRecipient,
      secretary: notTheRecipient,
      admin: notTheRecipient,
      owner: notTheRecipient,
    },
  },
  'POST /api/me/inbox/read-all': {
    access: 'signed-in',
    request: (f) => ({ url: '/api/me/inbox/read-all', query: { communityId: f.communityId } }),
    // Reading all of one community's messages is for its members: the outsider is told so.
    expect: { outsider: { status: 403, code: 'NOT_A_MEMBER' } },
  },
};
