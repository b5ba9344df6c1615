import autocannon from 'autocannon';
import Fastify from 'fastify';
import { type App, buildApp } from '../server/app';
import type { Database, DatabaseHandle } from '../server/db/database';
import { openPglite, openPostgres } from '../server/db/open-database';
import { startReadCaches } from '../server/read-caches/start-read-caches';
import { postgresUrlOf } from '../test/support/postgres-admin';
import { testConfig } from '../test/support/test-app';
import { buildUncachedApp } from './bench-database';
import { atMost, type BenchRow, row } from './bench-row';
import { seedFeedCommunity } from './feed-bench';

interface Target {
  url: string;
  headers?: Record<string, string>;
}

/**
 * p50, p99 and throughput of `ours` against `baseline`, each run on its own at `connections`;
 * the p99 is judged against 3x unless `judged` is false (a figure shown for comparison).
 */
async function loadRows(
  label: string,
  ours: Target,
  baseline: Target,
  { connections, seconds, judged = true }: { connections: number; seconds: number; judged?: boolean },
): Promise<{ rows: BenchRow[]; details: unknown }> {
  const run = ({ url, headers }: Target) => autocannon({ url, connections, duration: seconds, headers });
  const base = await run(baseline);
  const measured = await run(ours);
  if (measured.non2xx || measured.errors)
    throw new Error(`${label}: ${measured.non2xx} non-2xx, ${measured.errors} errors`);
  return {
    rows: [
      row('2 load', `${label}: p50`, measured.latency.p50, 'ms', base.latency.p50, null),
      row('2 load', `${label}: p99`, measured.latency.p99, 'ms', base.latency.p99, judged ? atMost(3) : null),
      row('2 load', `${label}: throughput`, measured.requests.average, 'req/s', base.requests.average, null),
    ],
    details: { ours: measured, baseline: base },
  };
}

/** The first page of 最新 for a member of a seeded community of `tips` tips, as the app answers it. */
async function feedTarget(app: App, db: Database, tips: number): Promise<Target & { body: unknown }> {
  const { communityId, member } = await seedFeedCommunity(app, db, tips);
  const path = `/api/communities/${communityId}/tips?sort=latest`;
  const sample = await app.inject({ method: 'GET', url: path, headers: member.headers });
  if (sample.statusCode !== 200) throw new Error(`feed: ${sample.statusCode} ${sample.body}`);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${origin}${path}`, headers: member.headers, body: sample.json() };
}

/** A bare Fastify route in this same process answering `body`: what Node + Fastify cost on this machine. */
async function bareRoute(body: unknown) {
  const bare = Fastify();
  bare.get('/bare', async () => body);
  return { url: `${await bare.listen({ host: '127.0.0.1', port: 0 })}/bare`, close: () => bare.close() };
}

/**
 * Point 2: the feed's first page under autocannon at 50 and 200 connections, the app listening on
 * 127.0.0.1 against the real PostgreSQL, and a bare Fastify route in this same process answering a
 * JSON body of the same size: the baseline for what Node + Fastify cost on this machine.
 */
export async function feedLoadBench(
  app: App,
  db: Database,
  options: { tips: number; seconds: number },
): Promise<{ rows: BenchRow[]; details: unknown }> {
  const feed = await feedTarget(app, db, options.tips);
  const bare = await bareRoute(feed.body);
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const connections of [50, 200]) {
      const measured = await loadRows(`feed page, ${connections} connections`, feed, bare, {
        connections,
        seconds: options.seconds,
      });
      rows.push(...measured.rows);
      details[`c${connections}`] = measured.details;
    }
    const uncached = await uncachedFeed(db, feed);
    try {
      const measured = await loadRows(
        'feed page without the read caches (every read asks PostgreSQL), 50 connections',
        uncached.target,
        bare,
        { connections: 50, seconds: options.seconds, judged: false },
      );
      rows.push(...measured.rows);
      details.c50Uncached = measured.details;
    } finally {
      await uncached.close();
    }
  } finally {
    await bare.close();
  }
  return { rows, details };
}

/** The same page from an instance without read caches on the same database: what a read costs when it asks PostgreSQL. */
async function uncachedFeed(db: Database, feed: Target) {
  const app = await buildUncachedApp(db);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const url = new URL(feed.url);
  return {
    target: { url: `${origin}${url.pathname}${url.search}`, headers: feed.headers },
    close: () => app.close(),
  };
}

/** A second app, as another instance would run, on `handle` (with its read caches); closed with it. */
async function appOn(handle: DatabaseHandle) {
  const readCaches = startReadCaches(handle.listenForChanges);
  const app = await buildApp({ db: handle.db, config: testConfig, readCaches: readCaches.caches });
  return {
    app,
    db: handle.db,
    close: async () => {
      await app.close();
      await readCaches.close();
      await handle.close();
    },
  };
}

/**
 * Point 5: the same feed page at 50 connections from an instance reaching the bench's PostgreSQL
 * database through PgBouncer in transaction mode (`DATABASE_POOLER_URL`), against the bare route.
 */
export async function feedThroughPoolerBench(
  benchDb: Database,
  poolerUrl: string,
  options: { tips: number; seconds: number },
): Promise<{ rows: BenchRow[]; details: unknown }> {
  const databaseUrl = new URL(await postgresUrlOf(benchDb));
  const url = new URL(poolerUrl);
  url.pathname = databaseUrl.pathname;
  // LISTEN does not pass PgBouncer in transaction mode: the read caches listen straight to PostgreSQL.
  const instance = await appOn(
    openPostgres(url.toString(), { behindTransactionPooler: true, directUrl: databaseUrl.toString() }),
  );
  try {
    const feed = await feedTarget(instance.app, instance.db, options.tips);
    const bare = await bareRoute(feed.body);
    try {
      return await loadRows('feed page through PgBouncer, 50 connections', feed, bare, {
        connections: 50,
        seconds: options.seconds,
      });
    } finally {
      await bare.close();
    }
  } finally {
    await instance.close();
  }
}

/**
 * The embedded default (`npm start`: PGlite in this process): the feed page at 50 readers against
 * the same app's health route, which asks PGlite too.
 */
export async function feedOnPgliteBench(options: {
  tips: number;
  seconds: number;
}): Promise<{ rows: BenchRow[]; details: unknown }> {
  const handle = await openPglite();
  await handle.migrate();
  const instance = await appOn(handle);
  try {
    const feed = await feedTarget(instance.app, instance.db, options.tips);
    const origin = new URL(feed.url).origin;
    return await loadRows(
      'feed page on PGlite (npm start) vs its health route, 50 connections',
      feed,
      { url: `${origin}/api/health` },
      { connections: 50, seconds: options.seconds },
    );
  } finally {
    await instance.close();
  }
}
