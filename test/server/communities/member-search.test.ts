import { memberProfiles, memberTags } from '../../../server/db/schema';
import type { Page } from '../../../src/domain/contract/common';
import type { MemberDirectoryEntry } from '../../../src/domain/contract/communities';
import {
  communityWithTeam,
  devLogin,
  joinCommunity,
  type SignedInUser,
  uniqueName,
} from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';

describe('the team finds members by name or tag', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function find(user: SignedInUser, communityId: string, query: Record<string, string> = {}) {
    const response = await t.app.inject({
      url: `/api/communities/${communityId}/members/search`,
      query,
      headers: user.headers,
    });
    return response;
  }

  it('matches a part of the name the member has in the community, or of a tag, with the tags shown', async () => {
    const { community, owner, secretary, member } = await communityWithTeam(t.app);
    await t.db
      .insert(memberProfiles)
      .values({ communityId: community.id, userId: member.user.id, nickname: '烘焙达人小雪' });
    await t.db.insert(memberTags).values([
      { communityId: community.id, userId: owner.user.id, tag: '红薯甜品' },
      { communityId: community.id, userId: secretary.user.id, tag: 'ppt技巧' },
    ]);

    const byName = (await find(secretary, community.id, { q: '小雪' })).json<Page<MemberDirectoryEntry>>();
    expect(byName.items).toMatchObject([
      { userId: member.user.id, nickname: '烘焙达人小雪', role: 'member' },
    ]);
    const byTag = (await find(secretary, community.id, { q: '#红薯#' })).json<Page<MemberDirectoryEntry>>();
    expect(byTag.items).toMatchObject([{ userId: owner.user.id, tags: ['红薯甜品'] }]);
    const anyCase = (await find(secretary, community.id, { q: 'PPT' })).json<Page<MemberDirectoryEntry>>();
    expect(anyCase.items.map((m) => m.userId)).toEqual([secretary.user.id]);
    // A % is a character, not a wildcard.
    expect((await find(secretary, community.id, { q: '%' })).json().items).toEqual([]);
  });

  it('lists everyone, the team first, page by page; members may not', async () => {
    const { community, owner, member } = await communityWithTeam(t.app);
    for (let i = 0; i < 32; i += 1)
      await joinCommunity(t.app, await devLogin(t.app, uniqueName('新人')), community.inviteCode!);
    const seen: MemberDirectoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<MemberDirectoryEntry> = (
        await find(owner, community.id, cursor ? { cursor } : {})
      ).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(36);
    expect(new Set(seen.map((m) => m.userId)).size).toBe(36);
    expect(seen.slice(0, 3).map((m) => m.role)).toEqual(['owner', 'admin', 'secretary']);

    const refused = await find(member, community.id);
    expect(refused.statusCode).toBe(403);
  });
});
