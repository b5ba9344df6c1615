import { eq } from 'drizzle-orm';
import { communities } from '../../../server/db/schema';
import { createCommunity, devLogin, joinCommunity } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

// PGlite runs transactions one at a time, so only a real server can show a missing row lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('50 simultaneous joins for 20 places', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets exactly 20 in and refuses the rest with COMMUNITY_FULL', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner);
    // 1 owner + 9 members already: 20 places left of 30.
    await t.db.update(communities).set({ capacity: 30 }).where(eq(communities.id, community.id));
    for (let i = 0; i < 9; i += 1) await joinCommunity(t.app, await devLogin(t.app), community.inviteCode!);
    const candidates = await Promise.all(Array.from({ length: 50 }, () => devLogin(t.app)));

    const responses = await Promise.all(
      candidates.map((candidate) => joinCommunity(t.app, candidate, community.inviteCode!)),
    );

    const byStatus = responses.map(
      (response) => `${response.statusCode} ${response.json().code ?? 'joined'}`,
    );
    expect(byStatus.filter((status) => status === '200 joined')).toHaveLength(20);
    expect(byStatus.filter((status) => status === '409 COMMUNITY_FULL')).toHaveLength(30);
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/communities/${community.id}`,
      headers: owner.headers,
    });
    expect(view.json().memberCount).toBe(30);
  });
});
