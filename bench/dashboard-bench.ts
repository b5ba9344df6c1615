import { eq, sql } from 'drizzle-orm';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { communities } from '../server/db/schema';
import { createCommunity, devLogin } from '../test/support/api-session';
import { atMost, type BenchRow, percentile, row } from './bench-row';

/** A community whose owner is joined by `members` members, inserted in one statement each. */
async function seedMembers(app: App, db: Database, members: number) {
  const run = Math.random().toString(36).slice(2, 7);
  const owner = await devLogin(app, `d${members}-${run}`);
  const community = await createCommunity(app, owner, { name: `看板${members}${run}` });
  await db
    .update(communities)
    .set({ capacity: members + 1 })
    .where(eq(communities.id, community.id));
  await db.execute(sql`
    with new_users as (
      insert into users (openid, nickname)
      select 'bench:' || ${run} || '-' || g, '成员' || g from generate_series(1, ${members}::int) as g
      returning id)
    insert into memberships (community_id, user_id, role, joined_at)
    select ${community.id}::uuid, id, 'member', now() - (random() * interval '90 days') from new_users`);
  await db.execute(sql`analyze`);
  return { owner, communityId: community.id };
}

/** Point 3, second half: the owner's dashboard with 10,000 members against the same with 1,000. */
export async function dashboardBench(
  app: App,
  db: Database,
  options: { requests: number },
): Promise<BenchRow[]> {
  const times: Record<number, { p50: number; p99: number }> = {};
  for (const members of [1_000, 10_000]) {
    const { owner, communityId } = await seedMembers(app, db, members);
    const url = `/api/communities/${communityId}/dashboard`;
    const samples: number[] = [];
    for (let i = 0; i < options.requests + 5; i += 1) {
      const t0 = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: owner.headers });
      if (response.statusCode !== 200) throw new Error(`dashboard: ${response.statusCode} ${response.body}`);
      if (i >= 5) samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    times[members] = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  }
  return [
    row(
      '3 scale',
      'dashboard p50, 10k vs 1k members',
      times[10_000]!.p50,
      'ms',
      times[1_000]!.p50,
      atMost(1.3),
    ),
    row('3 scale', 'dashboard p99, 10k vs 1k members', times[10_000]!.p99, 'ms', times[1_000]!.p99, null),
  ];
}
