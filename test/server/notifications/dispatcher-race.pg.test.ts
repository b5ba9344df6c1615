import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../server/db/database';
import {
  communities,
  inboxMessages,
  memberships,
  notices,
  subscribeConsents,
  users,
} from '../../../server/db/schema';
import { enqueueNotices } from '../../../server/modules/notifications';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { testConfig } from '../../support/test-app';
import { openTwoInstances, type TwoInstances, testDatabaseUrl } from '../../support/test-database';
import { collectingLog, reminderNotice } from './notice-fixtures';

const serverUrl = testDatabaseUrl();
// PGlite runs transactions one at a time, so only a real server shows two dispatchers racing.
const describeOnPostgres = serverUrl ? describe : describe.skip;

describeOnPostgres('two server instances dispatching the same outbox', () => {
  let instances: TwoInstances;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let wechat: FakeWechat;

  beforeAll(async () => {
    instances = await openTwoInstances(serverUrl!);
    ({ first, second } = instances);
    wechat = await startFakeWechat();
  });
  afterAll(async () => {
    await instances?.close();
    await wechat?.close();
  });

  it('delivers each of 200 due notices exactly once, even with WeChat failing now and then', async () => {
    const db = first.db;
    const [community] = await db
      .insert(communities)
      .values({ name: '并发测试群', goal: '测试', rules: '无', inviteCode: 'RACE0001' })
      .returning();
    const members = await db
      .insert(users)
      .values(Array.from({ length: 20 }, (_, i) => ({ openid: `openid-${i}`, nickname: `成员${i}` })))
      .returning();
    // Members of the community: the dispatcher sends a community's notices to its members only.
    await db
      .insert(memberships)
      .values(
        members.map((member) => ({ communityId: community!.id, userId: member.id, role: 'member' as const })),
      );
    await db
      .insert(subscribeConsents)
      .values(
        members.map((member) => ({ userId: member.id, templateKey: 'sessionReminder', remaining: 10 })),
      );
    await db.transaction((tx) =>
      enqueueNotices(
        tx,
        Array.from({ length: 200 }, (_, i) =>
          reminderNotice(members[i % 20]!.id, community!.id, { link: `/member/session/index?id=n${i}` }),
        ),
      ),
    );
    // Every 7th call fails: those notices are retried, by whichever instance gets there first.
    wechat.sendBehaviour = (_call, callNumber) =>
      callNumber % 7 === 0 ? { kind: 'status', status: 500 } : { kind: 'ok' };
    const config = {
      ...testConfig,
      wechatApiBase: wechat.baseUrl,
      subscribeTemplates: { sessionReminder: 'tmpl-reminder' },
    };
    const dispatchers = [first, second].map((handle) => ({
      db: handle.db,
      job: createNoticeDispatcher({ config, log: collectingLog() }, { batchSize: 10, retryDelayMs: 0 }),
    }));

    const drain = async ({ db, job }: (typeof dispatchers)[number]) => {
      let handled = 0;
      for (let idleRuns = 0; idleRuns < 3; ) {
        const n = await job.runOnce(db, new Date(Date.now() + 60_000));
        handled += n;
        idleRuns = n === 0 ? idleRuns + 1 : 0;
      }
      return handled;
    };
    const handledBy = await Promise.all(dispatchers.map(drain));

    // Both instances took part; the failed calls were retried.
    expect(handledBy.every((handled) => handled > 0)).toBe(true);
    expect(wechat.sendCalls.length).toBeGreaterThan(200);
    expect(wechat.deliveredByPage.size).toBe(200);
    expect([...wechat.deliveredByPage.values()].every((times) => times === 1)).toBe(true);
    const sent = await db.select().from(notices).where(eq(notices.status, 'sent'));
    expect(sent).toHaveLength(200);
    expect(sent.every((notice) => notice.channel === 'wechat')).toBe(true);
    const [inbox] = await db.select({ n: count() }).from(inboxMessages);
    expect(inbox?.n).toBe(200);
    const consents = await db.select().from(subscribeConsents);
    expect(consents.reduce((sum, row) => sum + row.remaining, 0)).toBe(((200 * 10) / 10) * 0 + 20 * 10 - 200);
  });
});
