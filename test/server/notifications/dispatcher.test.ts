import { eq } from 'drizzle-orm';
import { inboxMessages, notices } from '../../../server/db/schema';
import { enqueueNotice } from '../../../server/modules/notifications';
import {
  createNoticeDispatcher,
  type NoticeDispatcherOptions,
} from '../../../server/modules/notifications/notice-dispatcher';
import { devLogin, uniqueName } from '../../support/api-session';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  collectingLog,
  consentsLeft,
  giveConsents,
  memberWithCommunity,
  noticeById,
  reminderNotice,
} from './notice-fixtures';

let t: TestApp;
let wechat: FakeWechat;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({
    wechatApiBase: wechat.baseUrl,
    wechatTimeoutMs: 300,
    subscribeTemplates: { sessionReminder: 'tmpl-reminder' },
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

const minutes = (n: number) => n * 60 * 1000;

function dispatcher(configOverrides: Partial<TestApp['config']> = {}, options: NoticeDispatcherOptions = {}) {
  const log = collectingLog();
  const job = createNoticeDispatcher(
    { config: { ...t.config, ...configOverrides }, log },
    { retryDelayMs: minutes(1), maxAttempts: 3, ...options },
  );
  return { job, log };
}

async function enqueue(notice: Parameters<typeof enqueueNotice>[1]) {
  const id = await t.db.transaction((tx) => enqueueNotice(tx, notice));
  if (!id) throw new Error('not enqueued');
  return id;
}

async function inboxOf(noticeId: string) {
  return t.db.select().from(inboxMessages).where(eq(inboxMessages.noticeId, noticeId));
}

describe('notice dispatcher', () => {
  it('never sends a community notice to someone no longer in it; a declined join request still reaches its asker', async () => {
    const { user: owner, communityId } = await memberWithCommunity(t.app);
    const stranger = await devLogin(t.app, uniqueName('路人'));
    await giveConsents(t.db, stranger.user.id, 'sessionReminder', 2);
    // Written for someone who is not (or no longer) a member, whatever forgot to withdraw it.
    const stray = await enqueue(reminderNotice(stranger.user.id, communityId));
    const declined = await enqueue(
      reminderNotice(stranger.user.id, communityId, { kind: 'join_declined', template: undefined }),
    );
    const forOwner = await enqueue(reminderNotice(owner.user.id, communityId, { template: undefined }));
    const { job } = dispatcher();

    expect(await job.runOnce(t.db, new Date())).toBeGreaterThanOrEqual(3);

    expect(await noticeById(t.db, stray)).toMatchObject({ status: 'cancelled', lastError: 'NOT_A_MEMBER' });
    expect(await inboxOf(stray)).toHaveLength(0);
    expect(wechat.sendCalls).toHaveLength(0);
    expect(await consentsLeft(t.db, stranger.user.id, 'sessionReminder')).toBe(2);
    expect(await noticeById(t.db, declined)).toMatchObject({ status: 'sent' });
    expect(await noticeById(t.db, forOwner)).toMatchObject({ status: 'sent' });
  });

  it('with a consent: sends the subscribe message once, uses the consent, and fills the inbox', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 2);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    const { job } = dispatcher();

    expect(await job.runOnce(t.db, new Date())).toBeGreaterThanOrEqual(1);

    const notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({ status: 'sent', channel: 'wechat', attempts: 1, lastError: null });
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(1);
    expect(await inboxOf(id)).toHaveLength(1);
    const [call] = wechat.sendCalls;
    expect(call?.body).toMatchObject({
      touser: `dev:${user.user.nickname}`,
      template_id: 'tmpl-reminder',
      page: notice.link.slice(1),
      data: { thing1: { value: '周六晨跑' }, time2: { value: '2026-11-28 07:00' } },
    });
    expect(call?.accessToken).toMatch(/^access-token-/);

    // Nothing due any more: another run sends nothing.
    await job.runOnce(t.db, new Date());
    expect(wechat.sendCalls).toHaveLength(1);
  });

  it('without a consent, or without a configured template: inbox only, WeChat never called', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const noConsent = await enqueue(reminderNotice(user.user.id, communityId));
    const noTemplate = await enqueue(reminderNotice(user.user.id, communityId, { template: undefined }));
    await giveConsents(t.db, user.user.id, 'waitlistPromoted', 1);
    const unconfigured = await enqueue(
      reminderNotice(user.user.id, communityId, { template: { key: 'waitlistPromoted', data: {} } }),
    );

    await dispatcher().job.runOnce(t.db, new Date());

    for (const id of [noConsent, noTemplate, unconfigured]) {
      expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent', channel: 'inbox' });
      expect(await inboxOf(id)).toHaveLength(1);
    }
    expect(wechat.sendCalls).toHaveLength(0);
    expect(await consentsLeft(t.db, user.user.id, 'waitlistPromoted')).toBe(1);
  });

  it('leaves a reminder alone until it is due', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    const now = new Date();
    const id = await enqueue(
      reminderNotice(user.user.id, communityId, { dueAt: new Date(now.getTime() + minutes(60)) }),
    );
    const { job } = dispatcher();

    await job.runOnce(t.db, now);
    expect(await noticeById(t.db, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await inboxOf(id)).toHaveLength(0);

    await job.runOnce(t.db, new Date(now.getTime() + minutes(61)));
    expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent' });
    expect(await inboxOf(id)).toHaveLength(1);
  });

  it('WeChat down: the inbox gets it at once, the send stays pending with growing back-off, then succeeds', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    const { job, log } = dispatcher();
    wechat.sendBehaviour = () => ({ kind: 'status', status: 502 });
    const start = new Date();

    await job.runOnce(t.db, start);
    let notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({ status: 'pending', attempts: 1, lastError: 'WECHAT_UNAVAILABLE' });
    expect(notice.nextAttemptAt.getTime()).toBe(start.getTime() + minutes(1));
    expect(await inboxOf(id)).toHaveLength(1);
    // The consent was not used by a send that did not happen.
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(1);
    expect(log.lines.warn).toHaveLength(1);

    // Not due again before the back-off ends.
    await job.runOnce(t.db, new Date(start.getTime() + minutes(0.5)));
    expect(wechat.sendCalls).toHaveLength(1);

    const second = new Date(start.getTime() + minutes(1));
    await job.runOnce(t.db, second);
    notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({ status: 'pending', attempts: 2 });
    expect(notice.nextAttemptAt.getTime()).toBe(second.getTime() + minutes(2));

    wechat.sendBehaviour = () => ({ kind: 'ok' });
    await job.runOnce(t.db, new Date(second.getTime() + minutes(2)));
    notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({ status: 'sent', channel: 'wechat', attempts: 3, lastError: null });
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(0);
    expect(await inboxOf(id)).toHaveLength(1);
    expect(wechat.deliveredByPage.get(notice.link.slice(1))).toBe(1);
  });

  it('gives up after the last attempt: failed, with the error recorded, the inbox message kept', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    const { job } = dispatcher();
    wechat.sendBehaviour = () => ({ kind: 'errcode', errcode: -1 });

    let now = Date.now();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await job.runOnce(t.db, new Date(now));
      now += minutes(10);
    }
    await job.runOnce(t.db, new Date(now));

    expect(await noticeById(t.db, id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'errcode -1: fake',
    });
    expect(wechat.sendCalls).toHaveLength(3);
    expect(await inboxOf(id)).toHaveLength(1);
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(1);
  });

  it('slow WeChat: the send times out, is retried later, and is delivered exactly once', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    const { job } = dispatcher();
    wechat.sendBehaviour = (_call, callNumber) =>
      callNumber === 1 ? { kind: 'delay', ms: 1000 } : { kind: 'ok' };
    const start = new Date();

    // A second dispatcher running while the first waits on WeChat must not pick the notice up.
    const [handled, other] = await Promise.all([
      job.runOnce(t.db, start),
      dispatcher().job.runOnce(t.db, start),
    ]);
    expect(handled + other).toBeGreaterThanOrEqual(1);
    let notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'WECHAT_UNAVAILABLE (timeout)',
    });
    expect(wechat.sendCalls).toHaveLength(1);

    await job.runOnce(t.db, new Date(start.getTime() + minutes(1)));
    notice = await noticeById(t.db, id);
    expect(notice).toMatchObject({ status: 'sent', channel: 'wechat', attempts: 2 });
    expect(wechat.sendCalls).toHaveLength(2);
    // Once the abandoned first call has finished on the fake's side: it was never delivered.
    await wechat.settled();
    expect(wechat.deliveredByPage.get(notice.link.slice(1))).toBe(1);
    expect(await inboxOf(id)).toHaveLength(1);
  });

  it('a run slowed past its lease gives the notice back unsent (another instance may hold it by then); the next run sends it once', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    // The claim took ten minutes of the machine's time (a stalled machine): the lease is long gone.
    const readings = [0, minutes(10)];
    const { job } = dispatcher({}, { elapsedClock: () => readings.shift() ?? minutes(10) });
    const start = new Date();

    await job.runOnce(t.db, start);
    expect(wechat.sendCalls).toHaveLength(0);
    expect(await noticeById(t.db, id)).toMatchObject({ status: 'pending', lastError: 'LEASE_TOO_SHORT' });
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(1);

    await dispatcher().job.runOnce(t.db, new Date(start.getTime() + minutes(1)));
    expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent', channel: 'wechat' });
    expect(wechat.sendCalls).toHaveLength(1);
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(0);
  });

  it('WeChat says the user has no consent left (43101): our count is reset, the notice stays in the inbox', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 3);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    wechat.sendBehaviour = () => ({ kind: 'errcode', errcode: 43101 });

    await dispatcher().job.runOnce(t.db, new Date());

    expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent', channel: 'inbox' });
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(0);
  });

  it('an expired access token is renewed once and the send goes through', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    wechat.sendBehaviour = (_call, callNumber) =>
      callNumber === 1 ? { kind: 'errcode', errcode: 40001 } : { kind: 'ok' };
    const tokensBefore = wechat.tokenRequests;

    await dispatcher().job.runOnce(t.db, new Date());

    expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent', channel: 'wechat', attempts: 1 });
    expect(wechat.tokenRequests).toBe(tokensBefore + 1);
    expect(wechat.sendCalls).toHaveLength(2);
  });

  it('cuts `thing` values to the 20 characters WeChat accepts', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const longName = '一二三四五六七八九十一二三四五六七八九十一二三';
    await enqueue(
      reminderNotice(user.user.id, communityId, {
        template: { key: 'sessionReminder', data: { thing1: longName, time2: '2026-11-28 07:00' } },
      }),
    );

    await dispatcher().job.runOnce(t.db, new Date());

    const value = wechat.sendCalls[0]?.body.data.thing1?.value ?? '';
    expect(Array.from(value)).toHaveLength(20);
    expect(value.endsWith('…')).toBe(true);
  });

  it('WECHAT_SEND=log: writes the message to the log, uses the consent, calls no WeChat', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await giveConsents(t.db, user.user.id, 'sessionReminder', 1);
    const id = await enqueue(reminderNotice(user.user.id, communityId));
    const { job, log } = dispatcher({ wechatSend: 'log' });

    await job.runOnce(t.db, new Date());

    expect(await noticeById(t.db, id)).toMatchObject({ status: 'sent', channel: 'log' });
    expect(log.lines.info.map((line) => line.message)).toContain(
      'subscribe message (WECHAT_SEND=log, not sent to WeChat)',
    );
    expect(wechat.sendCalls).toHaveLength(0);
    expect(await consentsLeft(t.db, user.user.id, 'sessionReminder')).toBe(0);
  });

  it('drains a backlog in batches: each run handles at most one batch', async () => {
    const { user, communityId } = await memberWithCommunity(t.app);
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i += 1)
        await enqueueNotice(tx, reminderNotice(user.user.id, communityId, { template: undefined }));
    });
    const job = createNoticeDispatcher({ config: t.config, log: collectingLog() }, { batchSize: 10 });
    const now = new Date();
    const runs: number[] = [];
    for (let handled = await job.runOnce(t.db, now); handled > 0; handled = await job.runOnce(t.db, now)) {
      runs.push(handled);
    }
    expect(runs.every((handled) => handled <= 10)).toBe(true);
    const left = await t.db.select().from(notices).where(eq(notices.userId, user.user.id));
    expect(left.filter((notice) => notice.status !== 'sent')).toHaveLength(0);
  });
});
