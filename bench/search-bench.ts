import { sql } from 'drizzle-orm';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { fillMissingSearchVectors } from '../server/modules/tips/tip-repository';
import { atMost, type BenchRow, row } from './bench-row';
import { seedFeedCommunity, timeRequests } from './feed-bench';

/**
 * Search at scale: a community of `size` tips (the feed bench's, given their search words by the
 * backfill the server runs), one search page against the feed's first page in the same community.
 * Three queries: a word of one tip (技巧 4242: a title word and a number), a tag on 1 tip in 20 (a7:
 * about the costliest frequency, where neither index is much better than the other), and a word in
 * every tip (勺子), the case the candidate cap is there for.
 */
export async function searchScaleBench(
  app: App,
  db: Database,
  options: { size: number; requests: number },
): Promise<BenchRow[]> {
  const { communityId, member } = await seedFeedCommunity(app, db, options.size);
  while ((await db.transaction((tx) => fillMissingSearchVectors(tx, 5_000))) > 0);
  // What autovacuum does after a backfill: the GIN index's pending list merged, statistics of the words.
  await db.execute(sql`vacuum analyze tips`);

  const base = `/api/communities/${communityId}`;
  const feed = await timeRequests(app, `${base}/tips?sort=latest`, member, options.requests);
  const queries = [
    ['one tip', '技巧 4242'],
    ['1 tip in 20', 'a7'],
    ['every tip', '勺子'],
  ] as const;
  const sizeLabel = options.size >= 1000 ? `${options.size / 1000}k` : `${options.size}`;
  const rows: BenchRow[] = [];
  for (const [label, q] of queries) {
    const url = `${base}/tips/search?q=${encodeURIComponent(q)}`;
    const first = await app.inject({ method: 'GET', url, headers: member.headers });
    if (first.json().items.length === 0) throw new Error(`search for ${q} found nothing`);
    const times = await timeRequests(app, url, member, options.requests);
    rows.push(
      row(
        '3 scale',
        `search page p50 (a word in ${label}) vs feed first page, ${sizeLabel} tips`,
        times.p50,
        'ms',
        feed.p50,
        atMost(2),
      ),
      row(
        '3 scale',
        `search page p99 (a word in ${label}) vs feed first page, ${sizeLabel} tips`,
        times.p99,
        'ms',
        feed.p99,
        null,
      ),
    );
  }
  return rows;
}
