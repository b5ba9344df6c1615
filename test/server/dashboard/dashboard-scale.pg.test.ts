import { sql } from 'drizzle-orm';
import type { DashboardView } from '../../../src/domain/contract/dashboard';
import { createCommunity, devLogin } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { testDatabaseUrl } from '../../support/test-database';

// The scale: 10,000 members and 100,000 tips, seeded set-based on the real PostgreSQL. What
// it shows is checked here; how fast is the bench's (bench/dashboard-bench.ts), not a test's.
const describeOnPostgres = testDatabaseUrl() ? describe : describe.skip;

describeOnPostgres('the dashboard at 10,000 members and 100,000 tips', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts every member, tag, session and try at that scale', async () => {
    const owner = await devLogin(t.app);
    const community = await createCommunity(t.app, owner, { capacity: 500 });
    const c = community.id;
    await t.db.execute(sql`
      insert into users (openid, nickname)
      select 'scale:' || ${c} || ':' || g, '成员' || g from generate_series(1, 10000) g`);
    await t.db.execute(sql`
      insert into memberships (community_id, user_id, joined_at)
      select ${c}, id, now() - random() * interval '70 days' from users where openid like 'scale:' || ${c} || ':%'`);
    await t.db.execute(sql`
      insert into membership_events (community_id, user_id, kind, at)
      select community_id, user_id, 'joined'::membership_event_kind, joined_at from memberships where community_id = ${c}
      union all
      select community_id, user_id, 'left'::membership_event_kind, now() - random() * interval '50 days'
      from memberships where community_id = ${c} and random() < 0.2`);
    await t.db.execute(sql`
      insert into member_tags (community_id, user_id, tag, created_at)
      select m.community_id, m.user_id, '标签' || ((n.rn * 7 + k) % 40), now() - random() * interval '60 days'
      from (select community_id, user_id, row_number() over () as rn from memberships where community_id = ${c}) m
        cross join (values (0), (13), (27)) as k(k)
        cross join lateral (select m.rn) as n(rn)`);
    await t.db.execute(sql`
      insert into tips (community_id, author_id, title, body, minutes, status, published_at, try_count, save_count)
      select ${c}, ${owner.user.id}, '技巧' || g, '正文', 5, 'published', now() - (g % 400) * interval '1 day', g % 97, g % 89
      from generate_series(1, 100000) g`);
    const numbered = sql`
      with t as (select id, row_number() over () as rn from tips where community_id = ${c}),
        u as (select user_id, row_number() over () as rn from memberships where community_id = ${c})
      select t.id as tip_id, u.user_id, now() - random() * interval '70 days' as created_at
      from t join u on u.rn = (t.rn % 10000) + 1 where t.rn <= 50000`;
    await t.db.execute(sql`insert into tip_saves (tip_id, user_id, created_at) ${numbered}`);
    await t.db.execute(sql`insert into tip_tries (tip_id, user_id, created_at) ${numbered}`);
    await t.db.execute(sql`
      insert into sessions (community_id, title, host_user_id, created_by, starts_at, sign_up_deadline, duration_minutes, mode, capacity)
      select ${c}, '活动' || g, ${owner.user.id}, ${owner.user.id}, now() - g * interval '4 days', now() - g * interval '4 days', 60, 'online', 60
      from generate_series(1, 12) g`);
    await t.db.execute(sql`
      insert into session_signups (session_id, user_id, status, checked_in_at)
      select s.id, m.user_id, case when m.rn <= 60 then 'confirmed' else 'waitlisted' end::signup_status,
        case when m.rn <= 45 then s.starts_at end
      from sessions s
      cross join (select user_id, row_number() over () as rn from memberships where community_id = ${c} limit 80) m
      where s.community_id = ${c}`);
    await t.db.execute(sql`analyze`);

    const response = await t.app.inject({ url: `/api/communities/${c}/dashboard`, headers: owner.headers });
    expect(response.statusCode).toBe(200);
    const view = response.json<DashboardView>();
    expect(view.size.memberCount).toBe(10001);
    expect(view.tags.top).toHaveLength(10);
    expect(view.sessions).toHaveLength(8);
    expect(view.content.mostTried[0]!.tryCount).toBe(96);
    // Seeding 110,000 rows took over 30 s on a loaded 2-core machine.
  }, 120_000);
});
