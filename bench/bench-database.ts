import { sql } from 'drizzle-orm';
import { type App, buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { createTestApp, type TestApp, testConfig } from '../test/support/test-app';

/** The real app on a fresh, migrated PostgreSQL database of its own, dropped on close; its read caches on, as in `npm start`. */
export function openBenchApp(serverUrl: string): Promise<TestApp> {
  process.env.TEST_DATABASE_URL = serverUrl;
  return createTestApp({}, { withReadCaches: true });
}

/** Another instance on the same database without read caches: every read asks PostgreSQL. */
export function buildUncachedApp(db: Database): Promise<App> {
  return buildApp({ db, config: testConfig });
}

/** N published tips in seconds: one INSERT ... SELECT over generate_series, then their tag rows. */
export async function seedTips(db: Database, communityId: string, authorId: string, n: number) {
  await db.execute(sql`
    insert into tips (community_id, author_id, published_by, title, body, steps, tags, minutes, status, published_at)
    select ${communityId}::uuid, ${authorId}::uuid, ${authorId}::uuid, '技巧 ' || g, '切掉尾巴，用勺子转一圈 ' || g,
           array['第一步', '第二步'], array['a' || (g % 20), 'b' || (g % 13)], 1 + g % 60, 'published',
           date_trunc('milliseconds', now() - g * interval '1 second')
    from generate_series(1, ${n}::int) as g`);
  await db.execute(sql`
    insert into tip_tags (tip_id, community_id, tag, published_at)
    select id, community_id, unnest(tags), published_at from tips where community_id = ${communityId}::uuid`);
  await db.execute(sql`analyze`);
}
