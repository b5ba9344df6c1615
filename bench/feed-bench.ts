/**
 * The tips feed at 1k and at 100k tips on the real PostgreSQL: p50/p99 of the first page and of a
 * later page (最新 and 为你推荐), and the 100k/1k ratio. Seeds a fresh database of its own and drops it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openPostgres } from '../server/db/open-database';
import { memberTags } from '../server/db/schema';
import { createCommunity, devLogin, joinCommunity, type SignedInUser } from '../test/support/api-session';
import { testConfig } from '../test/support/test-app';

const sizes = [1_000, 100_000];
const requestsPerCase = 200;
/** A later page: the 50th (tips 491-500), reached by following the cursors. */
const laterPage = 50;

async function admin(serverUrl: string, query: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** N published tips in seconds: one INSERT ... SELECT over generate_series, then their tag rows. */
async function seedTips(db: Database, communityId: string, authorId: string, n: number) {
  const { sql } = await import('drizzle-orm');
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error('npm run bench needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
    process.exit(1);
  }
  const name = `qy_bench_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  try {
    await handle.migrate();
    const app = await buildApp({ db: handle.db, config: testConfig });
    const results: Record<string, Record<number, { p50: number; p99: number }>> = {};
    for (const size of sizes) {
      const started = performance.now();
      const owner = await devLogin(app, `bench-owner-${size}`);
      const member: SignedInUser = await devLogin(app, `bench-member-${size}`);
      const community = await createCommunity(app, owner, { name: `压测${size}` });
      await joinCommunity(app, member, community.inviteCode!);
      // About 12% of the tips share a tag with the member.
      await handle.db
        .insert(memberTags)
        .values(['a1', 'b2'].map((tag) => ({ communityId: community.id, userId: member.user.id, tag })));
      await seedTips(handle.db, community.id, owner.user.id, size);
      console.log(`seeded ${size} tips in ${Math.round(performance.now() - started)} ms`);

      for (const sort of ['latest', 'recommended'] as const) {
        const base = `/api/communities/${community.id}/tips?sort=${sort}`;
        let cursor: string | null = null;
        for (let page = 1; page < laterPage; page += 1) {
          const url: string = cursor ? `${base}&cursor=${cursor}` : base;
          const response = await app.inject({ method: 'GET', url, headers: member.headers });
          cursor = response.json().nextCursor;
        }
        for (const [label, target] of [
          ['first page', base],
          [`page ${laterPage}`, `${base}&cursor=${cursor}`],
        ] as const) {
          const times: number[] = [];
          for (let i = 0; i < requestsPerCase + 10; i += 1) {
            const t0 = performance.now();
            const response = await app.inject({ method: 'GET', url: target, headers: member.headers });
            if (response.statusCode !== 200)
              throw new Error(`${target}: ${response.statusCode} ${response.body}`);
            if (i >= 10) times.push(performance.now() - t0); // the first 10 warm up
          }
          times.sort((a, b) => a - b);
          const key = `${sort} ${label}`;
          results[key] ??= {};
          results[key][size] = { p50: percentile(times, 50), p99: percentile(times, 99) };
        }
      }
    }
    await app.close();

    const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
    console.log(
      `\nGET /api/communities/{id}/tips, ${requestsPerCase} requests each (app.inject, real PostgreSQL)`,
    );
    console.log(
      `${'case'.padEnd(26)}${'1k p50'.padStart(10)}${'1k p99'.padStart(10)}${'100k p50'.padStart(10)}${'100k p99'.padStart(10)}${'ratio p50'.padStart(11)}`,
    );
    for (const [key, bySize] of Object.entries(results)) {
      const small = bySize[sizes[0]!]!;
      const large = bySize[sizes[1]!]!;
      console.log(
        `${key.padEnd(26)}${ms(small.p50)}${ms(small.p99)}${ms(large.p50)}${ms(large.p99)}${`${(large.p50 / small.p50).toFixed(2)}x`.padStart(11)}`,
      );
    }
  } finally {
    await handle.close();
    await admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
