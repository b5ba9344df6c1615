import { and, count, eq } from 'drizzle-orm';
import { memberships, memberTags, suggestedTags, users } from '../../../server/db/schema';
import type { MemberSummaryView } from '../../../src/domain/contract/profiles';
import type { SuggestedTagView, TagCount } from '../../../src/domain/contract/tags';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setTags(user: SignedInUser, communityId: string, tags: string[]) {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/communities/${communityId}/members/me`,
    headers: user.headers,
    payload: { tags },
  });
  expect(response.statusCode).toBe(200);
}

const get = (user: SignedInUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });

describe('tag cloud and tag page', () => {
  it('counts holders per tag, most held first, and lists the holders of one tag typed in any form', async () => {
    const team = await communityWithTeam(t.app);
    const id = team.community.id;
    await setTags(team.owner, id, ['烘焙', 'pokemon go']);
    await setTags(team.admin, id, ['#Pokemon Go#']);
    await setTags(team.member, id, ['ＰＯＫＥＭＯＮ　ＧＯ', '潮男潮女']);

    const cloud = await get(team.secretary, `/api/communities/${id}/tags`);
    expect(cloud.json<TagCount[]>()).toEqual([
      { tag: 'pokemon go', count: 3 },
      { tag: '潮男潮女', count: 1 },
      { tag: '烘焙', count: 1 },
    ]);

    const holders = await get(
      team.secretary,
      `/api/communities/${id}/tags/members?tag=${encodeURIComponent('#Pokemon Go#')}`,
    );
    expect(holders.statusCode).toBe(200);
    expect(
      holders
        .json<MemberSummaryView[]>()
        .map((m) => m.userId)
        .sort(),
    ).toEqual([team.owner.user.id, team.admin.user.id, team.member.user.id].sort());
  });

  it('refuses a malformed tag with 400 TAG_INVALID', async () => {
    const team = await communityWithTeam(t.app);
    const response = await get(team.member, `/api/communities/${team.community.id}/tags/members?tag=%23%23`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'TAG_INVALID', fields: { tag: expect.any(String) } });
  });
});

describe('suggested tags', () => {
  it('owner and admins add, rename and hide; members see only visible ones', async () => {
    const team = await communityWithTeam(t.app);
    const url = `/api/communities/${team.community.id}/suggested-tags`;
    const added = await t.app.inject({
      method: 'POST',
      url,
      headers: team.admin.headers,
      payload: { tag: '#PPT技巧#' },
    });
    expect(added.statusCode).toBe(201);
    const suggestion = added.json<SuggestedTagView>();
    expect(suggestion).toMatchObject({ tag: 'ppt技巧', hidden: false, count: 0 });

    const again = await t.app.inject({
      method: 'POST',
      url,
      headers: team.owner.headers,
      payload: { tag: 'ppt技巧' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SUGGESTED_TAG_EXISTS' });

    await setTags(team.member, team.community.id, ['ppt技巧']);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `${url}/${suggestion.id}`,
      headers: team.owner.headers,
      payload: { tag: 'PPT 技巧' },
    });
    expect(renamed.json<SuggestedTagView>()).toMatchObject({ tag: 'ppt 技巧', count: 1 });
    const memberProfile = await get(team.member, `/api/communities/${team.community.id}/members/me`);
    expect(memberProfile.json().tags).toEqual(['ppt 技巧']);

    await t.app.inject({
      method: 'PATCH',
      url: `${url}/${suggestion.id}`,
      headers: team.owner.headers,
      payload: { hidden: true },
    });
    expect((await get(team.member, url)).json()).toEqual([]);
    expect((await get(team.admin, url)).json()).toEqual([
      expect.objectContaining({ tag: 'ppt 技巧', hidden: true }),
    ]);
    // A hidden tag leaves the cloud; the member keeps it.
    expect((await get(team.member, `/api/communities/${team.community.id}/tags`)).json()).toEqual([]);
    expect((await get(team.member, `/api/communities/${team.community.id}/members/me`)).json().tags).toEqual([
      'ppt 技巧',
    ]);
  });

  it('refuses secretaries and members with 403 FORBIDDEN and outsiders with NOT_A_MEMBER, changing nothing', async () => {
    const team = await communityWithTeam(t.app);
    const base = `/api/communities/${team.community.id}`;
    const existing = await t.app.inject({
      method: 'POST',
      url: `${base}/suggested-tags`,
      headers: team.owner.headers,
      payload: { tag: '烘焙' },
    });
    const existingId = existing.json<SuggestedTagView>().id;
    for (const [user, code] of [
      [team.secretary, 'FORBIDDEN'],
      [team.member, 'FORBIDDEN'],
      [team.outsider, 'NOT_A_MEMBER'],
    ] as const) {
      const attempts = [
        t.app.inject({
          method: 'POST',
          url: `${base}/suggested-tags`,
          headers: user.headers,
          payload: { tag: '新的' },
        }),
        t.app.inject({
          method: 'PATCH',
          url: `${base}/suggested-tags/${existingId}`,
          headers: user.headers,
          payload: { hidden: true },
        }),
        t.app.inject({
          method: 'POST',
          url: `${base}/tags/merge`,
          headers: user.headers,
          payload: { from: '烘焙', into: '甜点' },
        }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect([response.statusCode, response.json().code]).toEqual([403, code]);
      }
    }
    const rows = await t.db
      .select()
      .from(suggestedTags)
      .where(eq(suggestedTags.communityId, team.community.id));
    expect(rows.map((row) => [row.tag, row.hidden])).toEqual([['烘焙', false]]);
  });

  it('refuses a rejected tag with 422 CONTENT_REJECTED', async () => {
    const team = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${team.community.id}/suggested-tags`,
      headers: team.owner.headers,
      payload: { tag: '刷单' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'CONTENT_REJECTED', fields: { tag: expect.any(String) } });
  });
});

describe('merge A into B', () => {
  it('moves every holder of A to B once, across many members, in one go', async () => {
    const team = await communityWithTeam(t.app);
    const communityId = team.community.id;
    // Many members straight into the tables: the merge is what is under test, not 300 sign-ups.
    const created = await t.db
      .insert(users)
      .values(
        Array.from({ length: 300 }, (_, i) => ({
          openid: `merge-${communityId}-${i}`,
          nickname: `成员${i}`,
        })),
      )
      .returning({ id: users.id });
    await t.db.insert(memberships).values(created.map((user) => ({ communityId, userId: user.id })));
    await t.db
      .insert(memberTags)
      .values(
        created.flatMap((user, i) => [
          ...(i % 3 !== 2 ? [{ communityId, userId: user.id, tag: 'pokemon' }] : []),
          ...(i % 3 !== 0 ? [{ communityId, userId: user.id, tag: 'pokemon go' }] : []),
        ]),
      );
    await t.app.inject({
      method: 'POST',
      url: `/api/communities/${communityId}/suggested-tags`,
      headers: team.owner.headers,
      payload: { tag: 'pokemon' },
    });

    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${communityId}/tags/merge`,
      headers: team.admin.headers,
      payload: { from: '#Pokemon#', into: 'Pokemon Go' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<TagCount[]>()).toEqual([{ tag: 'pokemon go', count: 300 }]);

    const leftOver = await t.db
      .select({ n: count() })
      .from(memberTags)
      .where(and(eq(memberTags.communityId, communityId), eq(memberTags.tag, 'pokemon')));
    expect(leftOver[0]!.n).toBe(0);
    const suggestions = await t.db
      .select()
      .from(suggestedTags)
      .where(eq(suggestedTags.communityId, communityId));
    expect(suggestions.map((row) => row.tag)).toEqual(['pokemon go']);
  });

  it('refuses merging a tag into itself', async () => {
    const team = await communityWithTeam(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/communities/${team.community.id}/tags/merge`,
      headers: team.owner.headers,
      payload: { from: '烘焙', into: '#烘焙#' },
    });
    expect(response.statusCode).toBe(400);
  });
});
