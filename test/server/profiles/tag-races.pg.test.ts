import { and, eq } from 'drizzle-orm';
import { Client } from 'pg';
import { memberTags } from '../../../server/db/schema';
import type { MemberProfileView } from '../../../src/domain/contract/profiles';
import { communityWithTeam } from '../../support/api-session';
import { lockWaiters, postgresUrlOf } from '../../support/postgres-admin';
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

  it('two renames to one name at once: one wins, the other is told the name is taken, nothing half-done', async () => {
    const { community, owner, admin, member } = await communityWithTeam(t.app);
    const ids = [];
    for (const tag of ['拍照', '修图']) {
      const added = await t.app.inject({
        method: 'POST',
        url: `/api/communities/${community.id}/suggested-tags`,
        headers: owner.headers,
        payload: { tag },
      });
      ids.push(added.json<{ id: string }>().id);
    }
    await t.app.inject({
      method: 'PATCH',
      url: `/api/communities/${community.id}/members/me`,
      headers: member.headers,
      payload: { tags: ['拍照', '修图'] },
    });
    // Both renames find the name free, then wait on the holder's membership row (held here), so
    // they reach the unique index together instead of one after the other.
    const holder = new Client({ connectionString: await postgresUrlOf(t.db) });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from memberships where community_id = $1 and user_id = $2 for update', [
        community.id,
        member.user.id,
      ]);
      const renames = ids.map((id, index) =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/communities/${community.id}/suggested-tags/${id}`,
          headers: (index ? admin : owner).headers,
          payload: { tag: '摄影' },
        }),
      );
      await lockWaiters(holder, 2);
      await holder.query('commit');
      const outcomes = (await Promise.all(renames)).map((response) =>
        response.statusCode === 200 ? 'renamed' : `${response.statusCode} ${response.json().code}`,
      );
      expect(outcomes.sort()).toEqual(['409 SUGGESTED_TAG_EXISTS', 'renamed']);
    } finally {
      await holder.end();
    }
    const listed = await t.app.inject({
      url: `/api/communities/${community.id}/suggested-tags`,
      headers: owner.headers,
    });
    const names = listed.json<Array<{ tag: string }>>().map((row) => row.tag);
    // The winner's suggestion is 摄影; the loser's keeps its old name.
    expect(names).toHaveLength(2);
    expect(names.filter((name) => name === '摄影')).toHaveLength(1);
    expect(['拍照', '修图']).toContain(names.find((name) => name !== '摄影'));
  });
});
