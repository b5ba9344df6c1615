import { and, count, eq } from 'drizzle-orm';
import { tips } from '../../../server/db/schema';
import { scheduledTipPublisher } from '../../../server/modules/tips/scheduled-tip-publisher';
import { communityWithTeam, devLogin, joinCommunity } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';
import { publishedTip, tipInput } from './tip-fixtures';

// PGlite runs transactions one at a time, so only a real server can show a missing lock.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('tips under concurrency (real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('publishes each due scheduled tip exactly once when several instances run the job at once', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const publishAt = new Date(Date.now() + 3600_000);
    const tip = await publishedTip(t.app, owner, community.id, { publishAt: publishAt.toISOString() });
    // 120 more scheduled rows, copied in bulk from the first.
    const [row] = await t.db.select().from(tips).where(eq(tips.id, tip.id));
    const { id: _id, ...copy } = row!;
    await t.db.insert(tips).values(Array.from({ length: 119 }, () => copy));

    const later = new Date(publishAt.getTime() + 1000);
    // Four "instances", each on its own pool connection, running until nothing is due.
    const instance = async () => {
      let handled = 0;
      for (;;) {
        const n = await scheduledTipPublisher.runOnce(t.db, later);
        if (n === 0) return handled;
        handled += n;
      }
    };
    const handled = await Promise.all([instance(), instance(), instance(), instance()]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(120);
    expect(handled.filter((n) => n > 0).length).toBeGreaterThan(1);
    const [published] = await t.db
      .select({ n: count() })
      .from(tips)
      .where(and(eq(tips.communityId, community.id), eq(tips.status, 'published')));
    expect(published!.n).toBe(120);
  });

  it('counts 40 simultaneous likes and tries exactly', async () => {
    const { community, owner } = await communityWithTeam(t.app);
    const tip = await publishedTip(t.app, owner, community.id, tipInput());
    const members = await Promise.all(Array.from({ length: 40 }, () => devLogin(t.app)));
    for (const member of members) await joinCommunity(t.app, member, community.inviteCode!);
    const responses = await Promise.all(
      members.flatMap((member) => [
        t.app.inject({ method: 'PUT', url: `/api/tips/${tip.id}/like`, headers: member.headers }),
        t.app.inject({ method: 'PUT', url: `/api/tips/${tip.id}/like`, headers: member.headers }),
        t.app.inject({
          method: 'PUT',
          url: `/api/tips/${tip.id}/try`,
          headers: member.headers,
          payload: { note: '试了' },
        }),
      ]),
    );
    expect(responses.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/tips/${tip.id}`, headers: owner.headers });
    expect(detail.json()).toMatchObject({ likeCount: 40, tryCount: 40 });
  });
});
