import { eq } from 'drizzle-orm';
import { seedDemoTips } from '../../../server/db/demo/tips';
import { communities, tips } from '../../../server/db/schema';
import { seedDemoCommunity } from '../../../server/db/seed';
import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView, TipNoteView } from '../../../src/domain/contract/tips';
import { devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("seeds the essay tips once: the kiwi trick leads 刘晓's 为你推荐 (#烘焙#), with tries and notes", async () => {
  await seedDemoCommunity(t.db);
  const [community] = await t.db.select().from(communities).where(eq(communities.inviteCode, 'QY2K26'));
  const before = (await t.db.select().from(tips)).length;
  await seedDemoTips(t.db, community!.id);
  expect((await t.db.select().from(tips)).length).toBe(before);

  const member = await devLogin(t.app, '刘晓');
  const feed = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${community!.id}/tips?sort=recommended`,
    headers: member.headers,
  });
  const page = feed.json<Page<TipCardView>>();
  expect(page.items.length).toBeGreaterThanOrEqual(5);
  expect(page.items[0]).toMatchObject({
    title: expect.stringContaining('猕猴桃'),
    tags: ['烘焙'],
    tryCount: 2,
  });
  expect(page.items.find((tip) => tip.suggested)?.author.nickname).toBe('周芷若');
  const notes = await t.app.inject({
    method: 'GET',
    url: `/api/tips/${page.items[0]!.id}/tries`,
    headers: member.headers,
  });
  expect(notes.json<TipNoteView[]>().map((note) => note.note)).toContain('一下就挖出来了，比削皮快多了！');

  const owner = await devLogin(t.app, '李根');
  const queue = await t.app.inject({
    method: 'GET',
    url: `/api/communities/${community!.id}/tips/manage?status=suggested`,
    headers: owner.headers,
  });
  expect(queue.json<TipCardView[]>().map((tip) => tip.author.nickname)).toEqual(['刘晓']);
});
