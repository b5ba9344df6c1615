import { eq, sql } from 'drizzle-orm';
import { tips, users } from '../../../server/db/schema';
import { scheduledTipPublisher } from '../../../server/modules/tips/scheduled-tip-publisher';
import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView } from '../../../src/domain/contract/tips';
import { communityWithTeam, devLogin, joinCommunity, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { feed, publishedTip } from './tip-fixtures';

/**
 * The feed answered from the instance's cache on the embedded PGlite, as `npm start` runs it: the
 * pages stay until a tip of the community changes, whoever changes it (a route, a background job,
 * a statement straight to the database), and each member sees what they may see.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { withReadCaches: true });
});
afterAll(() => t.close());

async function page(user: SignedInUser, communityId: string, query = ''): Promise<Page<TipCardView>> {
  const response = await feed(t.app, user, communityId, query);
  expect(response.statusCode).toBe(200);
  return response.json();
}

const titles = async (user: SignedInUser, communityId: string, query = '') =>
  (await page(user, communityId, query)).items.map((item) => item.title);

/** A change the triggers do not see: only a page read before it can still answer. */
async function changeBehindTheNotices(change: () => Promise<unknown>) {
  await t.db.execute(sql`alter table tips disable trigger tips_feed_change`);
  try {
    await change();
  } finally {
    await t.db.execute(sql`alter table tips enable trigger tips_feed_change`);
  }
}

describe('the feed cache', () => {
  it('answers 最新 from the cache until a tip of the community changes, however it changes', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id, { title: '冷冻馒头蒸十分钟' });
    expect(await titles(member, community.id)).toEqual(['冷冻馒头蒸十分钟']);

    await changeBehindTheNotices(() =>
      t.db.update(tips).set({ title: '无人知晓' }).where(eq(tips.id, tip.id)),
    );
    expect(await titles(member, community.id)).toEqual(['冷冻馒头蒸十分钟']);

    await t.db.update(tips).set({ title: '冷冻馒头直接蒸' }).where(eq(tips.id, tip.id));
    expect(await titles(member, community.id)).toEqual(['冷冻馒头直接蒸']);
  });

  it('shows a tip the scheduled publisher published, and counts a like at once', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const publishAt = new Date(t.clock.now().getTime() + 3600_000);
    const tip = await publishedTip(t.app, owner, community.id, { publishAt: publishAt.toISOString() });
    expect(await titles(member, community.id)).toEqual([]);

    await scheduledTipPublisher.runOnce(t.db, new Date(publishAt.getTime() + 1000));
    expect((await page(member, community.id)).items.map((item) => item.id)).toEqual([tip.id]);

    const like = await t.app.inject({
      method: 'PUT',
      url: `/api/tips/${tip.id}/like`,
      headers: member.headers,
    });
    expect(like.statusCode).toBeLessThan(300);
    expect((await page(member, community.id)).items[0]!.likeCount).toBe(1);
  });

  it('shows a new nickname on the cards of every community', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    await publishedTip(t.app, owner, community.id);
    expect((await page(member, community.id)).items[0]!.author.nickname).toBe(owner.user.nickname);
    await t.db.update(users).set({ nickname: '改名的群主' }).where(eq(users.id, owner.user.id));
    expect((await page(member, community.id)).items[0]!.author.nickname).toBe('改名的群主');
  });

  it('shows a hidden tip to its author and the team only, whoever read the page first', async () => {
    const { community, owner, admin, member } = await communityWithTeam(t.app);
    const other = await devLogin(t.app, '另一位成员');
    await joinCommunity(t.app, other, community.inviteCode!);
    await publishedTip(t.app, owner, community.id, { title: '看得见的技巧' });
    const hidden = await publishedTip(t.app, owner, community.id, { title: '被隐藏的技巧' });
    await t.db
      .update(tips)
      .set({ authorId: member.user.id, hiddenAt: t.clock.now() })
      .where(eq(tips.id, hidden.id));

    for (let round = 0; round < 2; round += 1) {
      expect(await titles(other, community.id)).toEqual(['看得见的技巧']);
      expect(await titles(member, community.id)).toEqual(['被隐藏的技巧', '看得见的技巧']);
      expect(await titles(admin, community.id)).toEqual(['被隐藏的技巧', '看得见的技巧']);
      expect(await titles(other, community.id, '?tag=烘焙')).toEqual(['看得见的技巧']);
      expect(await titles(member, community.id, '?tag=烘焙')).toEqual(['被隐藏的技巧', '看得见的技巧']);
    }
    expect((await page(member, community.id)).items[0]!.hidden).toBe(true);
  });

  it('keeps each page of each list apart: every tip once, in order, read twice', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    for (let i = 0; i < 12; i += 1)
      await publishedTip(t.app, owner, community.id, {
        title: `技巧 ${i}`,
        tags: i % 2 ? ['收纳'] : ['烘焙'],
      });
    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const suffix: string = cursor ? `${query ? '&' : '?'}cursor=${cursor}` : '';
        const current: Page<TipCardView> = await page(member, community.id, `${query}${suffix}`);
        seen.push(...current.items.map((item) => item.title));
        cursor = current.nextCursor;
      } while (cursor);
      return seen;
    };
    const newestFirst = Array.from({ length: 12 }, (_, i) => `技巧 ${11 - i}`);
    for (let round = 0; round < 2; round += 1) {
      expect(await walk('')).toEqual(newestFirst);
      expect(await walk('?tag=收纳')).toEqual(newestFirst.filter((title) => Number(title.split(' ')[1]) % 2));
      expect(await walk('?tag=烘焙')).toEqual(
        newestFirst.filter((title) => !(Number(title.split(' ')[1]) % 2)),
      );
    }
  });
});
