import { eq, isNull } from 'drizzle-orm';
import { tips } from '../../../server/db/schema';
import { tipSearchBackfill } from '../../../server/modules/tips/tip-search-backfill';
import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView } from '../../../src/domain/contract/tips';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import { publishedTip } from './tip-fixtures';

describe('finding tips by their words', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function search(user: SignedInUser, communityId: string, q: string, cursor?: string) {
    const response = await t.app.inject({
      url: `/api/communities/${communityId}/tips/search`,
      query: { q, ...(cursor ? { cursor } : {}) },
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page<TipCardView>>();
  }

  const titles = (page: Page<TipCardView>) => page.items.map((tip) => tip.title);

  it('finds two-character Chinese words in title, tags, steps or body, title matches first', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    await publishedTip(t.app, owner, community.id, {
      title: '周五烘焙课的准备',
      body: '提前一天把黄油拿出来软化。',
      steps: ['称好面粉'],
      tags: [],
    });
    await publishedTip(t.app, owner, community.id, {
      title: '烤箱预热多久',
      body: '烘焙之前先预热十分钟，红薯也一样。',
      steps: ['上下火200度'],
      tags: [],
    });
    await publishedTip(t.app, owner, community.id, {
      title: '红薯怎么烤更甜',
      body: '锡纸包好，小火慢烤。',
      steps: ['选细长的红薯', '烤四十分钟'],
      tags: ['早餐'],
    });
    await publishedTip(t.app, owner, community.id, {
      title: 'PPT 标题层级',
      body: '一级标题 32 号。',
      steps: [],
      tags: [],
    });

    expect(titles(await search(member, community.id, '烘焙'))).toEqual(['周五烘焙课的准备', '烤箱预热多久']);
    expect(titles(await search(member, community.id, '红薯'))).toEqual(['红薯怎么烤更甜', '烤箱预热多久']);
    // Every word must be there, in any field.
    expect(titles(await search(member, community.id, '红薯 预热'))).toEqual(['烤箱预热多久']);
    // Latin words whole, in any case; numbers whole.
    expect(titles(await search(member, community.id, 'ppt'))).toEqual(['PPT 标题层级']);
    expect(titles(await search(member, community.id, '32'))).toEqual(['PPT 标题层级']);
    // Tags are words of the tip too.
    expect(titles(await search(member, community.id, '早餐'))).toEqual(['红薯怎么烤更甜']);
    expect(titles(await search(member, community.id, '蛋糕'))).toEqual([]);
    expect(await search(member, community.id, '！？')).toEqual({ items: [], nextCursor: null });
  });

  it('finds only published tips of the community, and follows edits', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const other = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id, {
      title: '红薯粥',
      body: '小米和红薯一起煮。',
    });
    await publishedTip(t.app, other.owner, other.community.id, { title: '红薯干', body: '切片晒干。' });
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${community.id}/tips`,
      headers: owner.headers,
      payload: { title: '红薯饼草稿', body: '还没写完。', steps: [], tags: [], minutes: 5, draft: true },
    });
    expect(draft.statusCode).toBe(201);
    expect(titles(await search(member, community.id, '红薯'))).toEqual(['红薯粥']);

    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/tips/${tip.id}`,
      headers: owner.headers,
      payload: { title: '南瓜粥', body: '小米和南瓜一起煮。', steps: [], tags: [], minutes: 30 },
    });
    expect(edited.statusCode).toBe(200);
    expect(titles(await search(member, community.id, '红薯'))).toEqual([]);
    expect(titles(await search(member, community.id, '南瓜'))).toEqual(['南瓜粥']);

    const outsider = await t.app.inject({
      url: `/api/communities/${community.id}/tips/search?q=${encodeURIComponent('南瓜')}`,
      headers: other.owner.headers,
    });
    expect(outsider.json().code).toBe('NOT_A_MEMBER');
  });

  it('pages with the cursor without repeating or losing a tip', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    for (let i = 0; i < 23; i += 1)
      await publishedTip(t.app, owner, community.id, {
        title: i % 5 === 0 ? `烘焙小技巧 ${i}` : `小技巧 ${i}`,
        body: '烘焙的时候记得先预热。',
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(member, community.id, '烘焙', cursor);
      seen.push(...titles(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    // The five with the word in the title come first.
    expect(seen.slice(0, 5).every((title) => title.startsWith('烘焙'))).toBe(true);

    const forged = await t.app.inject({
      url: `/api/communities/${community.id}/tips/search`,
      query: { q: '烘焙', cursor: Buffer.from('[1,"x"]').toString('base64url') },
      headers: member.headers,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('INVALID_CURSOR');
  });

  it('refuses an empty or overlong query without writing anything', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const before = await rowCounts(t.db);
    for (const q of ['', '字'.repeat(41)]) {
      const response = await t.app.inject({
        url: `/api/communities/${community.id}/tips/search`,
        query: { q },
        headers: member.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('gives tips from before search existed their words through the backfill job', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id, {
      title: '老技巧：晾衣服不皱',
      body: '甩一甩再晾。',
    });
    await t.db.update(tips).set({ searchVector: null }).where(eq(tips.id, tip.id));
    expect(titles(await search(member, community.id, '晾衣'))).toEqual([]);

    while ((await tipSearchBackfill.runOnce(t.db, new Date())) > 0);

    expect(titles(await search(member, community.id, '晾衣'))).toEqual(['老技巧：晾衣服不皱']);
    expect(await t.db.select({ id: tips.id }).from(tips).where(isNull(tips.searchVector))).toEqual([]);
  });
});
