import { and, eq, inArray } from 'drizzle-orm';
import { notices, weeklyDigests } from '../../../server/db/schema';
import { weeklyDigestReadyJob } from '../../../server/modules/weekly-digest/digest-ready-job';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { busyWeek, fridayEvening, thursdayNoon, week } from './digest-fixtures';

async function runUntilIdle(t: TestApp, now: Date): Promise<number> {
  let handled = 0;
  for (let run = 0; run < 100; run += 1) {
    const claimed = await weeklyDigestReadyJob.runOnce(t.db, now);
    if (claimed === 0) return handled;
    handled += claimed;
  }
  throw new Error('the ready job never went idle');
}

describe('the weekly digest ready job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('waits for Friday 18:00, then tells the team of each busy community once; a quiet week tells nobody', async () => {
    const { team, communityId } = await busyWeek(t.app, t.db);
    const quiet = await communityWithTeam(t.app);

    expect(await weeklyDigestReadyJob.runOnce(t.db, thursdayNoon)).toBe(0);
    expect(await runUntilIdle(t, fridayEvening)).toBeGreaterThanOrEqual(2);
    expect(await runUntilIdle(t, fridayEvening)).toBe(0);

    const told = await t.db
      .select({ userId: notices.userId, communityId: notices.communityId, link: notices.link })
      .from(notices)
      .where(
        and(
          eq(notices.kind, 'weekly_digest_ready'),
          inArray(notices.communityId, [communityId, quiet.community.id]),
        ),
      );
    expect(told.map((n) => n.userId).sort()).toEqual(
      [team.owner, team.admin, team.secretary].map((u) => u.user.id).sort(),
    );
    expect(told[0]!.link).toBe(`/member/weekly-digest/index?week=${week}`);
    const rows = await t.db
      .select({ communityId: weeklyDigests.communityId, sharedAt: weeklyDigests.sharedAt })
      .from(weeklyDigests)
      .where(
        and(
          eq(weeklyDigests.weekStart, week),
          inArray(weeklyDigests.communityId, [communityId, quiet.community.id]),
        ),
      );
    // Both weeks taken up, neither shared: sharing stays the team's tap.
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.sharedAt === null)).toBe(true);
  });
});
