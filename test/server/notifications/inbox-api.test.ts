import { eq } from 'drizzle-orm';
import { inboxMessages, subscribeConsents } from '../../../server/db/schema';
import { enqueueNotices } from '../../../server/modules/notifications';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import type { InboxPage } from '../../../src/domain/contract/notifications';
import {
  communityWithTeam,
  devLogin,
  joinCommunity,
  type SignedInUser,
  uniqueName,
} from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { collectingLog, memberWithCommunity, reminderNotice } from './notice-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    subscribeTemplates: { sessionReminder: 'tmpl-reminder', waitlistPromoted: 'tmpl-promoted' },
  });
});
afterAll(() => t.close());

/** Enqueues `titles.length` inbox-only notices for the user and lets the dispatcher deliver them, oldest first. */
async function deliver(userId: string, communityId: string, titles: string[]) {
  const job = createNoticeDispatcher({ config: t.config, log: collectingLog() });
  // Deliveries happen after the notices are due (enqueued now, on the real clock).
  const start = Date.now() + 60_000;
  for (const [index, title] of titles.entries()) {
    await t.db.transaction((tx) =>
      enqueueNotices(tx, [reminderNotice(userId, communityId, { title, template: undefined })]),
    );
    // Each delivered a second apart, so "newest first" has one right answer.
    await job.runOnce(t.db, new Date(start + index * 1000));
  }
}

const inbox = (user: SignedInUser, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/me/inbox${query}`, headers: user.headers });

describe('GET /api/me/inbox', () => {
  it('pages my messages newest first with a cursor, with the unread count', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const titles = Array.from({ length: 23 }, (_, i) => `消息${i + 1}`);
    await deliver(user.user.id, communityId, titles);

    const first = await inbox(user);
    expect(first.statusCode).toBe(200);
    const page1 = first.json<InboxPage>();
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]).toMatchObject({
      title: '消息23',
      read: false,
      communityId,
      kind: 'session_reminder',
    });
    expect(page1.items[0]?.communityName).toBeTruthy();
    expect(page1.unreadCount).toBe(23);
    expect(page1.nextCursor).toEqual(expect.any(String));

    const page2 = (await inbox(user, `?cursor=${page1.nextCursor}`)).json<InboxPage>();
    expect(page2.items.map((item) => item.title)).toEqual(['消息3', '消息2', '消息1']);
    expect(page2.nextCursor).toBeNull();
  });

  it('filters by community, and shows nothing of a community I left', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const other = await memberWithCommunity(t.app);
    await joinCommunity(t.app, user, (await communityInvite(other.user, other.communityId))!);
    await deliver(user.user.id, communityId, ['本群消息']);
    await deliver(user.user.id, other.communityId, ['别的群消息']);

    const mine = (await inbox(user, `?communityId=${communityId}`)).json<InboxPage>();
    expect(mine.items.map((item) => item.title)).toEqual(['本群消息']);
    expect(mine.unreadCount).toBe(1);
    expect((await inbox(user)).json<InboxPage>().items).toHaveLength(2);

    const left = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${other.communityId}/leave`,
      headers: user.headers,
    });
    expect(left.statusCode).toBeLessThan(300);
    const after = (await inbox(user)).json<InboxPage>();
    expect(after.items.map((item) => item.title)).toEqual(['本群消息']);
    expect(after.unreadCount).toBe(1);
  });

  it('nobody reads another member’s inbox: filtering by a community I am not in is refused', async () => {
    const { community, owner, admin, secretary, member, outsider } = await communityWithTeam(t.app);
    await deliver(member.user.id, community.id, ['只给成员的消息']);

    for (const someone of [owner, admin, secretary, outsider]) {
      const page = (await inbox(someone)).json<InboxPage>();
      expect(page.items.map((item) => item.title)).not.toContain('只给成员的消息');
    }
    const refused = await inbox(outsider, `?communityId=${community.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_A_MEMBER');
    expect((await inbox(member, `?communityId=${community.id}`)).json<InboxPage>().items).toHaveLength(1);
  });

  it('answers 401 without a login and 400 for bad input', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/inbox' })).statusCode).toBe(401);
    const user = await devLogin(t.app);
    for (const query of ['?communityId=123', '?page=2']) {
      const response = await inbox(user, query);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    for (const cursor of ['not-a-cursor', Buffer.from('["x","y"]').toString('base64url')]) {
      const response = await inbox(user, `?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('INVALID_CURSOR');
    }
    const unknown = await inbox(user, '?communityId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('reading messages', () => {
  it('marks one read (twice is fine) and all read, and the unread count follows', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await deliver(user.user.id, communityId, ['一', '二', '三']);
    const [newest] = (await inbox(user)).json<InboxPage>().items;

    for (let i = 0; i < 2; i += 1) {
      const read = await t.app.inject({
        method: 'POST',
        url: `/api/me/inbox/${newest!.id}/read`,
        headers: user.headers,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({ unreadCount: 2 });
    }
    const count = await t.app.inject({
      method: 'GET',
      url: '/api/me/inbox/unread-count',
      headers: user.headers,
    });
    expect(count.json()).toEqual({ unreadCount: 2 });
    expect((await inbox(user)).json<InboxPage>().items[0]?.read).toBe(true);

    const all = await t.app.inject({ method: 'POST', url: '/api/me/inbox/read-all', headers: user.headers });
    expect(all.json()).toEqual({ unreadCount: 0 });
    expect((await inbox(user)).json<InboxPage>().items.every((item) => item.read)).toBe(true);
  });

  it('read-all of one community leaves the others unread', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const other = await memberWithCommunity(t.app);
    await joinCommunity(t.app, user, (await communityInvite(other.user, other.communityId))!);
    await deliver(user.user.id, communityId, ['本群']);
    await deliver(user.user.id, other.communityId, ['别的群']);

    const all = await t.app.inject({
      method: 'POST',
      url: `/api/me/inbox/read-all?communityId=${communityId}`,
      headers: user.headers,
    });
    expect(all.json()).toEqual({ unreadCount: 1 });
  });

  it('someone else’s message is not found, and stays unread', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await deliver(user.user.id, communityId, ['私人消息']);
    const [message] = await t.db.select().from(inboxMessages).where(eq(inboxMessages.userId, user.user.id));
    const stranger = await devLogin(t.app, uniqueName('陌生人'));

    const response = await t.app.inject({
      method: 'POST',
      url: `/api/me/inbox/${message!.id}/read`,
      headers: stranger.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
    const [after] = await t.db.select().from(inboxMessages).where(eq(inboxMessages.id, message!.id));
    expect(after?.readAt).toBeNull();

    const badId = await t.app.inject({
      method: 'POST',
      url: '/api/me/inbox/not-a-uuid/read',
      headers: stranger.headers,
    });
    expect(badId.statusCode).toBe(400);
    const noLogin = await t.app.inject({ method: 'POST', url: `/api/me/inbox/${message!.id}/read` });
    expect(noLogin.statusCode).toBe(401);
  });
});

describe('subscribe consents', () => {
  const consentsOf = (userId: string) =>
    t.db.select().from(subscribeConsents).where(eq(subscribeConsents.userId, userId));

  it('counts one consent per accepted template and request', async () => {
    const user = await devLogin(t.app);
    const post = (accepted: string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/subscriptions',
        headers: user.headers,
        payload: { accepted },
      });

    expect((await post(['sessionReminder', 'waitlistPromoted'])).json()).toEqual({
      consents: { sessionReminder: 1, waitlistPromoted: 1 },
    });
    expect((await post(['sessionReminder'])).json()).toEqual({ consents: { sessionReminder: 2 } });
    expect((await post([])).json()).toEqual({ consents: {} });
  });

  it('refuses unknown templates, duplicates, extra fields and anonymous callers, changing nothing', async () => {
    const user = await devLogin(t.app);
    for (const payload of [
      { accepted: ['nonsense'] },
      { accepted: ['sessionReminder', 'sessionReminder'] },
      { accepted: ['sessionReminder'], extra: 1 },
      { accepted: 'sessionReminder' },
      {},
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/me/subscriptions',
        headers: user.headers,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/me/subscriptions',
      payload: { accepted: [] },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await consentsOf(user.user.id)).toHaveLength(0);
  });

  it('GET /api/config/client tells the mini program which template ids to ask for', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/config/client' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      subscribeTemplates: { sessionReminder: 'tmpl-reminder', waitlistPromoted: 'tmpl-promoted' },
    });
  });
});

async function communityInvite(owner: SignedInUser, communityId: string): Promise<string | null> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${communityId}`,
    headers: owner.headers,
  });
  return response.json().inviteCode;
}
