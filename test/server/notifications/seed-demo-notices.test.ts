import { eq } from 'drizzle-orm';
import { notices, sessions, users } from '../../../server/db/schema';
import { seedDemoCommunity } from '../../../server/db/seed';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import type { InboxPage } from '../../../src/domain/contract/notifications';
import { devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { collectingLog } from './notice-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('the demo community comes with messages for 赵敏 (本周群周报 among them), delivered by the dispatcher, each opening what it names, and seeding twice adds none', async () => {
  await seedDemoCommunity(t.db);
  await seedDemoCommunity(t.db);
  const [zhaoMin] = await t.db.select().from(users).where(eq(users.nickname, '赵敏'));
  expect(await t.db.select().from(notices).where(eq(notices.userId, zhaoMin!.id))).toHaveLength(3);

  await createNoticeDispatcher({ config: t.config, log: collectingLog() }).runOnce(t.db, new Date());

  const member = await devLogin(t.app, '赵敏');
  const inbox = await t.app.inject({ method: 'GET', url: '/api/me/inbox', headers: member.headers });
  const titles = inbox.json<InboxPage>().items.map((item) => item.title);
  expect(titles).toHaveLength(3);
  expect(titles).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^本周群周报（/),
      '推广已通过：图文一键同步工具',
      '活动提醒：线下见面会：一起做水果蛋糕',
    ]),
  );
  const reminder = inbox.json<InboxPage>().items.find((item) => item.title.startsWith('活动提醒'))!;
  const [meetup] = await t.db.select().from(sessions).where(eq(sessions.title, '线下见面会：一起做水果蛋糕'));
  expect(reminder.link).toBe(`/member/session/index?id=${meetup!.id}`);
});
