import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../server/db/database';
import { communities, memberships, notices, tips, users, weeklyDigests } from '../../../server/db/schema';
import { weeklyDigestReadyJob } from '../../../server/modules/weekly-digest/digest-ready-job';
import { openTwoInstances, type TwoInstances, testDatabaseUrl } from '../../support/test-database';
import { fridayEvening } from './digest-fixtures';

const serverUrl = testDatabaseUrl();
// PGlite runs transactions one at a time, so only a real server shows two instances racing.
const describeOnPostgres = serverUrl ? describe : describe.skip;

describeOnPostgres('two server instances running the ready job at once', () => {
  let instances: TwoInstances;
  let first: DatabaseHandle;
  let second: DatabaseHandle;

  beforeAll(async () => {
    instances = await openTwoInstances(serverUrl!);
    ({ first, second } = instances);
  });
  afterAll(async () => {
    await instances?.close();
  });

  it('takes up each community’s week once and tells each of its team once', async () => {
    const db = first.db;
    const owners = await db
      .insert(users)
      .values(Array.from({ length: 45 }, (_, i) => ({ openid: `race-owner-${i}`, nickname: `群主${i}` })))
      .returning();
    for (const [i, owner] of owners.entries()) {
      const [community] = await db
        .insert(communities)
        .values({
          name: `周报并发${i}`,
          goal: '测试',
          rules: '无',
          inviteCode: `RACE${String(i).padStart(4, '0')}`,
        })
        .returning();
      await db.insert(memberships).values({ communityId: community!.id, userId: owner.id, role: 'owner' });
      await db.insert(tips).values({
        communityId: community!.id,
        authorId: owner.id,
        title: '本周的技巧',
        body: '马上能用。',
        minutes: 2,
        status: 'published',
        publishedAt: new Date('2026-11-24T02:00:00Z'),
      });
    }

    const runUntilIdle = async (handle: DatabaseHandle) => {
      let total = 0;
      for (;;) {
        const claimed = await weeklyDigestReadyJob.runOnce(handle.db, fridayEvening);
        if (claimed === 0) return total;
        total += claimed;
      }
    };
    const [a, b] = await Promise.all([runUntilIdle(first), runUntilIdle(second)]);

    expect(a + b).toBe(45);
    const rows = await db.select().from(weeklyDigests);
    expect(rows).toHaveLength(45);
    const told = await db
      .select({ userId: notices.userId })
      .from(notices)
      .where(eq(notices.kind, 'weekly_digest_ready'));
    expect(told).toHaveLength(45);
    expect(new Set(told.map((n) => n.userId)).size).toBe(45);
  });
});
