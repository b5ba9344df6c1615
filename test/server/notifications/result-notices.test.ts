import { and, eq } from 'drizzle-orm';
import { notices } from '../../../server/db/schema';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import type { SubscribeTemplateKey } from '../../../src/domain/notices';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import { decide, openSlots, requestSlot, settle } from '../promotions/promotion-support';
import { postTip } from '../tips/tip-fixtures';
import { collectingLog, consentsLeft } from './notice-fixtures';

let t: TestApp;
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({
    wechatApiBase: wechat.baseUrl,
    wechatTimeoutMs: 300,
    subscribeTemplates: { promotionResult: 'tmpl-promotion', tipResult: 'tmpl-tip' },
  });
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});
beforeEach(() => {
  wechat.sendBehaviour = () => ({ kind: 'ok' });
  wechat.sendCalls.length = 0;
});

/** What the mini program posts after the member accepted the consent dialog of a tap. */
async function accept(user: SignedInUser, accepted: SubscribeTemplateKey[]) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/me/subscriptions',
    headers: user.headers,
    payload: { accepted },
  });
  expect(response.statusCode).toBe(200);
}

async function deliver() {
  const job = createNoticeDispatcher({ config: t.config, log: collectingLog() });
  await job.runOnce(t.db, new Date());
}

async function noticeOf(userId: string, kind: (typeof notices.$inferSelect)['kind']) {
  const [notice] = await t.db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.kind, kind)));
  return notice;
}

async function suggestTip(user: SignedInUser, communityId: string) {
  const response = await postTip(t.app, user, communityId);
  expect(response.statusCode).toBe(201);
  expect(response.json()).toMatchObject({ status: 'suggested' });
  return response.json<{ id: string; title: string }>();
}

describe('result notices go through WeChat only with the consent asked at the tap', () => {
  it('推广: the member who accepted at 提交申请 gets the result as a subscribe message; one who did not, in 消息 only', async () => {
    const { community, owner, admin, member, secretary } = await communityWithTeam(t.app);
    await settle(t.db, community.id, owner, admin, secretary, member);
    const [slot] = await openSlots(t.app, community.id, member);
    await accept(member, ['promotionResult']);
    const consented = (await requestSlot(t.app, community.id, member, slot!.id)).json<{ id: string }>();
    const silent = (await requestSlot(t.app, community.id, secretary, slot!.id)).json<{ id: string }>();

    expect((await decide(t.app, admin, consented.id, 'approve')).statusCode).toBe(200);
    expect((await decide(t.app, admin, silent.id, 'reject', '和群主题无关')).statusCode).toBe(200);
    await deliver();

    expect(await noticeOf(member.user.id, 'promotion_approved')).toMatchObject({
      status: 'sent',
      channel: 'wechat',
    });
    expect(wechat.sendCalls.map((call) => call.body)).toEqual([
      expect.objectContaining({
        touser: `dev:${member.user.nickname}`,
        template_id: 'tmpl-promotion',
        data: expect.objectContaining({ phrase2: { value: '已通过' } }),
      }),
    ]);
    expect(await consentsLeft(t.db, member.user.id, 'promotionResult')).toBe(0);
    expect(await noticeOf(secretary.user.id, 'promotion_rejected')).toMatchObject({
      status: 'sent',
      channel: 'inbox',
    });
  });

  it('投稿: the review result reaches WeChat with a consent from 提交投稿, and uses it up', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    await accept(member, ['tipResult']);
    const first = await suggestTip(member, community.id);
    const second = await suggestTip(member, community.id);

    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${first.id}/decline`,
      headers: owner.headers,
      payload: { reason: '和已有的技巧重复了', version: 1 },
    });
    expect(declined.statusCode).toBe(200);
    await deliver();
    expect(await noticeOf(member.user.id, 'tip_declined')).toMatchObject({
      status: 'sent',
      channel: 'wechat',
    });
    expect(wechat.sendCalls.map((call) => call.body)).toEqual([
      expect.objectContaining({
        template_id: 'tmpl-tip',
        data: {
          thing1: { value: expect.any(String) },
          phrase2: { value: '未通过' },
          thing3: { value: '和已有的技巧重复了' },
        },
      }),
    ]);

    // The one consent is spent: the second result goes to 消息 only.
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/tips/${second.id}/publish`,
      headers: owner.headers,
      payload: { version: 1 },
    });
    expect(published.statusCode).toBe(200);
    await deliver();
    expect(await noticeOf(member.user.id, 'tip_published')).toMatchObject({
      status: 'sent',
      channel: 'inbox',
    });
    expect(wechat.sendCalls).toHaveLength(1);
  });
});
