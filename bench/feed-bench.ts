import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { memberTags } from '../server/db/schema';
import { createCommunity, devLogin, joinCommunity, type SignedInUser } from '../test/support/api-session';
import { seedTips } from './bench-database';
import { atMost, type BenchRow, percentile, row } from './bench-row';

export interface FeedCommunity {
  communityId: string;
  member: SignedInUser;
}

/** A community with `size` published tips and a member whose tags (a1, b2) about 12% of the tips carry. */
export async function seedFeedCommunity(app: App, db: Database, size: number): Promise<FeedCommunity> {
  const run = Math.random().toString(36).slice(2, 7);
  const owner = await devLogin(app, `o${size}-${run}`);
  const member = await devLogin(app, `m${size}-${run}`);
  const community = await createCommunity(app, owner, { name: `压测${size}${run}` });
  await joinCommunity(app, member, community.inviteCode!);
  await db
    .insert(memberTags)
    .values(['a1', 'b2'].map((tag) => ({ communityId: community.id, userId: member.user.id, tag })));
  await seedTips(db, community.id, owner.user.id, size);
  return { communityId: community.id, member };
}

/** A later page: the 50th (tips 491-500), reached by following the cursors. */
const laterPage = 50;

/** p50 and p99 of `requests` GETs by `member`, after 10 to warm up. */
export async function timeRequests(app: App, url: string, member: SignedInUser, requests: number) {
  const times: number[] = [];
  for (let i = 0; i < requests + 10; i += 1) {
    const t0 = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: member.headers });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    if (i >= 10) times.push(performance.now() - t0); // the first 10 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * Point 3: the feed's page latency (app.inject, real PostgreSQL) with 1,000 and with 100,000 tips,
 * first page and page 50, 最新 and 为你推荐; the 1k community is the baseline.
 */
export async function feedScaleBench(
  app: App,
  db: Database,
  options: { sizes: [number, number]; requests: number },
): Promise<BenchRow[]> {
  const [small, large] = options.sizes;
  const times: Record<string, Record<number, { p50: number; p99: number }>> = {};
  for (const size of options.sizes) {
    const { communityId, member } = await seedFeedCommunity(app, db, size);
    for (const sort of ['latest', 'recommended'] as const) {
      const base = `/api/communities/${communityId}/tips?sort=${sort}`;
      let cursor: string | null = null;
      for (let page = 1; page < laterPage; page += 1) {
        const url: string = cursor ? `${base}&cursor=${cursor}` : base;
        const response = await app.inject({ method: 'GET', url, headers: member.headers });
        cursor = response.json().nextCursor;
      }
      for (const [label, url] of [
        ['first page', base],
        [`page ${laterPage}`, `${base}&cursor=${cursor}`],
      ] as const) {
        const key = `${sort} ${label}`;
        times[key] ??= {};
        times[key][size] = await timeRequests(app, url, member, options.requests);
      }
    }
  }
  const sizeLabel = (n: number) => (n >= 1000 ? `${n / 1000}k` : `${n}`);
  return Object.entries(times).flatMap(([key, bySize]) => [
    row(
      '3 scale',
      `feed ${key} p50, ${sizeLabel(large)} vs ${sizeLabel(small)} tips`,
      bySize[large]!.p50,
      'ms',
      bySize[small]!.p50,
      atMost(1.3),
    ),
    row(
      '3 scale',
      `feed ${key} p99, ${sizeLabel(large)} vs ${sizeLabel(small)} tips`,
      bySize[large]!.p99,
      'ms',
      bySize[small]!.p99,
      null,
    ),
  ]);
}
