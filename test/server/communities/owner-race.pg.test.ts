import { and, eq } from 'drizzle-orm';
import { memberships } from '../../../server/db/schema';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('a transfer racing a role change and a leave', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('always leaves exactly one owner', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { community, owner, member } = await communityWithTeam(t.app);
      await Promise.all([
        t.app.inject({
          method: 'POST',
          url: `/api/communities/${community.id}/transfer-ownership`,
          headers: owner.headers,
          payload: { userId: member.user.id },
        }),
        t.app.inject({
          method: 'PUT',
          url: `/api/communities/${community.id}/members/${member.user.id}/role`,
          headers: owner.headers,
          payload: { role: 'member' },
        }),
        t.app.inject({
          method: 'POST',
          url: `/api/communities/${community.id}/leave`,
          headers: member.headers,
        }),
      ]);
      const owners = await t.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.communityId, community.id), eq(memberships.role, 'owner')));
      expect(owners).toHaveLength(1);
    }
  });
});
