import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tips, tipTags } from '../../../server/db/schema';
import { candidatesPerTag } from '../../../server/modules/tips/feed-repository';
import type { Page } from '../../../src/domain/contract/common';
import type { TipCardView } from '../../../src/domain/contract/tips';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { feed, giveTags, publishedTip } from './tip-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof communityWithTeam>>;

/** Walks every page; `between` runs after each page, e.g. to publish more tips meanwhile. */
async function readAllPages(team: Team, query: string, between?: () => Promise<void>) {
  const seen: TipCardView[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `${query ? '&' : '?'}cursor=${cursor}` : '';
    const response = await feed(t.app, team.member, team.community.id, `${query}${suffix}`);
    expect(response.statusCode).toBe(200);
    const page: Page<TipCardView> = response.json();
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (between) await between();
  } while (cursor);
  return seen;
}

/** Same published_at for several tips: the id must break the tie for the cursor to hold. */
async function publishMany(team: Team, n: number, tags: (i: number) => string[] = () => ['烘焙']) {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1)
    ids.push((await publishedTip(t.app, team.owner, team.community.id, { tags: tags(i) })).id);
  return ids;
}

/** Published tips written straight to the tables (the API would take minutes for hundreds), oldest last. */
async function insertPublishedTips(team: Team, tagsOfTips: string[][]) {
  const now = Date.now();
  const rows = tagsOfTips.map((tags, i) => ({
    id: randomUUID(),
    communityId: team.community.id,
    authorId: team.owner.user.id,
    publishedBy: team.owner.user.id,
    title: `技巧 ${i}`,
    body: '切掉尾巴，用勺子转一圈',
    tags,
    minutes: 2,
    status: 'published' as const,
    publishedAt: new Date(now - (i + 1) * 1000),
  }));
  await t.db.insert(tips).values(rows);
  await t.db.insert(tipTags).values(
    rows.flatMap((row) =>
      row.tags.map((tag) => ({
        tipId: row.id,
        communityId: row.communityId,
        tag,
        publishedAt: row.publishedAt,
      })),
    ),
  );
  return rows;
}

describe('the feed', () => {
  it('pages newest first with no duplicates and no gaps while new tips are published between pages', async () => {
    const team = await communityWithTeam(t.app);
    const before = await publishMany(team, 25);
    // Three tips share one timestamp, as a batch of the scheduled publisher would.
    const sameTime = new Date(Date.now() - 60_000);
    for (const id of before.slice(3, 6))
      await t.db.update(tips).set({ publishedAt: sameTime }).where(eq(tips.id, id));
    const late: string[] = [];
    const seen = await readAllPages(team, '', async () => {
      late.push((await publishedTip(t.app, team.owner, team.community.id)).id);
    });
    const ids = seen.map((tip) => tip.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...before].sort());
    const times = seen.map((tip) => Date.parse(tip.publishedAt!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(late.every((id) => !ids.includes(id))).toBe(true);
  });

  it('filters by a tag written any way the tag rule accepts', async () => {
    const team = await communityWithTeam(t.app);
    const ids = await publishMany(team, 13, (i) => (i % 2 === 0 ? ['#PPT技巧#'] : ['烘焙']));
    const seen = await readAllPages(team, `?tag=${encodeURIComponent('＃ppt技巧')}`);
    expect(seen.map((tip) => tip.id).sort()).toEqual(ids.filter((_, i) => i % 2 === 0).sort());
  });

  it('refuses a tag the tag rule cannot read, saying why in words', async () => {
    const team = await communityWithTeam(t.app);
    const response = await feed(
      t.app,
      team.member,
      team.community.id,
      `?tag=${encodeURIComponent('\u200B\u200D')}`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'TAG_INVALID', fields: { tag: '标签不能为空' } });
  });

  it('为你推荐 ranks tips sharing more of my tags first, then newer, across pages', async () => {
    const team = await communityWithTeam(t.app);
    await giveTags(t.db, team.community.id, team.member, ['ppt技巧', '重度网民']);
    const both = await publishMany(team, 3, () => ['ppt技巧', '重度网民']);
    const one = await publishMany(team, 8, (i) => (i % 2 ? ['ppt技巧'] : ['重度网民', '烘焙']));
    const none = await publishMany(team, 12, () => ['烘焙']);
    const seen = await readAllPages(team, '?sort=recommended', async () => {
      await publishedTip(t.app, team.owner, team.community.id, { tags: ['ppt技巧'] });
    });
    const ids = seen.map((tip) => tip.id);
    expect(ids).toEqual([...both.reverse(), ...one.reverse(), ...none.reverse()]);
  });

  it('为你推荐 lifts only the newest tips of each of my tags, the rest follow newest first, each tip once', async () => {
    const team = await communityWithTeam(t.app);
    await giveTags(t.db, team.community.id, team.member, ['ppt技巧', '重度网民']);
    // Newest first: ppt技巧 on more tips than the candidates of one tag, other tags between them, and
    // at the very end one old tip with both of my tags (within the few 重度网民 tips, so a candidate).
    const tagsOfTips = Array.from({ length: candidatesPerTag + 40 }, (_, i) =>
      i % 7 === 3 ? ['烘焙'] : i % 9 === 4 ? ['ppt技巧', '重度网民'] : ['ppt技巧'],
    );
    const inserted = await insertPublishedTips(team, [...tagsOfTips, ['烘焙'], ['ppt技巧', '重度网民']]);
    const pptNewest = inserted.filter((tip) => tip.tags.includes('ppt技巧')).slice(0, candidatesPerTag);
    const candidates = new Set([
      ...pptNewest.map((tip) => tip.id),
      ...inserted.filter((tip) => tip.tags.includes('重度网民')).map((tip) => tip.id),
    ]);
    const shared = (tags: string[]) => tags.filter((tag) => tag === 'ppt技巧' || tag === '重度网民').length;
    const expected = [
      ...inserted
        .filter((tip) => candidates.has(tip.id))
        .sort((a, b) => shared(b.tags) - shared(a.tags) || b.publishedAt.getTime() - a.publishedAt.getTime()),
      ...inserted.filter((tip) => !candidates.has(tip.id)),
    ].map((tip) => tip.id);

    const seen = (await readAllPages(team, '?sort=recommended')).map((tip) => tip.id);
    expect(seen).toEqual(expected);
    // The old tip with both tags ranks with the other tips sharing both; the oldest tips with only
    // ppt技巧 are beyond its candidates and come after every candidate.
    const sharingBoth = inserted.filter((tip) => shared(tip.tags) === 2).length;
    expect(seen.indexOf(inserted[inserted.length - 1]!.id)).toBeLessThan(sharingBoth);
    const pptOnlyBeyond = inserted.filter((tip) => tip.tags.join() === 'ppt技巧' && !candidates.has(tip.id));
    expect(pptOnlyBeyond.length).toBeGreaterThan(0);
    for (const tip of pptOnlyBeyond) expect(seen.indexOf(tip.id)).toBeGreaterThanOrEqual(candidates.size);
  });

  it('为你推荐 without any tags of mine is the newest first', async () => {
    const team = await communityWithTeam(t.app);
    const ids = await publishMany(team, 3);
    const seen = await readAllPages(team, '?sort=recommended');
    expect(seen.map((tip) => tip.id)).toEqual(ids.reverse());
  });

  it('refuses a forged cursor with 400 INVALID_CURSOR', async () => {
    const team = await communityWithTeam(t.app);
    for (const cursor of ['abc', Buffer.from('["x","y",null]').toString('base64url')]) {
      const response = await feed(t.app, team.member, team.community.id, `?cursor=${cursor}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('INVALID_CURSOR');
    }
  });

  it('is closed to outsiders and to signed-out visitors', async () => {
    const team = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, team.owner, team.community.id);
    expect((await feed(t.app, team.outsider, team.community.id)).json().code).toBe('NOT_A_MEMBER');
    const unknown = await feed(t.app, team.member, randomUUID());
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NOT_FOUND']);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/tips/${tip.id}`,
      headers: team.outsider.headers,
    });
    expect(detail.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/communities/${team.community.id}/tips` })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/tips/not-a-uuid', headers: team.owner.headers }))
        .statusCode,
    ).toBe(400);
  });
});
