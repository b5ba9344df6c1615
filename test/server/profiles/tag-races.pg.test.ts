import { and, eq } from 'drizzle-orm';
import { memberTags } from '../../../server/db/schema';
import type { MemberProfileView } from '../../../src/domain/contract/profiles';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('tag writes at the same time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('30 simultaneous edits of one member’s tags leave exactly one of the lists, never a mix over 8', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const lists = Array.from({ length: 30 }, (_, i) => Array.from({ length: 8 }, (_, j) => `标签${i}-${j}`));
    const responses = await Promise.all(
      lists.map((tags) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/communities/${community.id}/members/me`,
          headers: member.headers,
          payload: { tags },
        }),
      ),
    );
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const held = await t.db
      .select({ tag: memberTags.tag })
      .from(memberTags)
      .where(and(eq(memberTags.communityId, community.id), eq(memberTags.userId, member.user.id)));
    expect(held).toHaveLength(8);
    const stored = held.map((row) => row.tag).sort();
    expect(lists.some((list) => [...list].sort().join() === stored.join())).toBe(true);
  });

  it('a merge racing members’ own edits never leaves anyone over 8 tags or holding a tag twice', async () => {
    const { community, owner, admin, secretary, member } = await communityWithTeam(t.app);
    const everyone = [owner, admin, secretary, member];
    for (const user of everyone) {
      await t.app.inject({
        method: 'PATCH',
        url: `/api/communities/${community.id}/members/me`,
        headers: user.headers,
        payload: { tags: ['pokemon', 'pokemon go', 'a', 'b', 'c', 'd', 'e', 'f'] },
      });
    }
    await Promise.all([
      t.app.inject({
        method: 'POST',
        url: `/api/communities/${community.id}/tags/merge`,
        headers: owner.headers,
        payload: { from: 'pokemon', into: 'pokemon go' },
      }),
      ...everyone.map((user) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/communities/${community.id}/members/me`,
          headers: user.headers,
          payload: { tags: ['pokemon', 'g', 'h'] },
        }),
      ),
    ]);
    for (const user of everyone) {
      const profile = await t.app.inject({
        method: 'GET',
        url: `/api/communities/${community.id}/members/me`,
        headers: user.headers,
      });
      const tags = profile.json<MemberProfileView>().tags;
      expect(tags.length).toBeLessThanOrEqual(8);
      expect(new Set(tags).size).toBe(tags.length);
    }
  });
});
