/**
 * `npm run bench -- <out.json>`: every performance figure of the issue in one run on this machine,
 * each against a baseline measured in the same run (ratios count, not absolute times), printed as
 * one table and written as JSON. `npm run bench:quick -- <out.json>` runs the same parts with fewer
 * requests, reuses an existing dist/, and never judges the timings (CI keeps the script alive).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- bench-results.json
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildUncachedApp, openBenchApp } from './bench-database';
import { type BenchRow, formatTable, row } from './bench-row';
import { contentionBench } from './contention-bench';
import { dashboardBench } from './dashboard-bench';
import { feedScaleBench } from './feed-bench';
import { feedLoadBench, feedOnPgliteBench, feedThroughPoolerBench } from './feed-load';
import { firstRenderBench } from './first-render';
import { packageSizeBench } from './package-size';
import { poolIsolationBench } from './pool-isolation';
import { searchScaleBench } from './search-bench';
import { repoRoot } from './taro-build';

const quick = process.argv.includes('--quick');
const outFile = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const plan = quick
  ? {
      loadSeconds: 1,
      scaleSizes: [1_000, 10_000] as [number, number],
      scaleRequests: 20,
      renderRuns: 1,
      bursts: 1,
    }
  : {
      loadSeconds: 5,
      scaleSizes: [1_000, 100_000] as [number, number],
      scaleRequests: 200,
      renderRuns: 5,
      bursts: 3,
    };

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !outFile) {
    console.error('usage: DATABASE_URL=postgres://... npm run bench -- <out.json>');
    process.exit(2);
  }
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  const started = performance.now();
  const step = (name: string) =>
    console.log(`[bench] ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  step('1 package size: weapp builds of the app and of the bare hello world');
  const packages = packageSizeBench({
    rebuildApp: !quick || !existsSync(path.join(repoRoot, 'dist/app.json')),
  });
  rows.push(...packages.rows);
  details.packages = packages.details;

  const bench = await openBenchApp(serverUrl);
  try {
    const rssBefore = process.memoryUsage().rss;
    step('2 feed under load (autocannon) against a bare Fastify route');
    const load = await feedLoadBench(bench.app, bench.db, { tips: 1_000, seconds: plan.loadSeconds });
    rows.push(...load.rows);
    details.load = load.details;
    // Point 6, read here: right after the load runs, before the seeding of the scale part.
    const rssAfter = process.memoryUsage().rss;
    rows.push(
      row(
        '6 memory',
        'server resident memory after the load runs',
        rssAfter / 2 ** 20,
        'MB',
        rssBefore / 2 ** 20,
        null,
      ),
    );

    const poolerUrl = process.env.DATABASE_POOLER_URL;
    if (poolerUrl) {
      step('2 the feed from an instance behind PgBouncer (transaction mode)');
      const pooled = await feedThroughPoolerBench(bench.db, poolerUrl, {
        tips: 1_000,
        seconds: plan.loadSeconds,
      });
      rows.push(...pooled.rows);
      details.pooler = pooled.details;
    } else {
      console.log(
        '[bench] the feed through PgBouncer skipped: DATABASE_POOLER_URL not set (scripts/start-pgbouncer.sh)',
      );
    }
    step('2 the feed on the embedded PGlite against its health route');
    const embedded = await feedOnPgliteBench({ tips: 1_000, seconds: plan.loadSeconds });
    rows.push(...embedded.rows);
    details.pglite = embedded.details;
    // Point 3 is about the queries as the data grows: an instance without read caches, or a
    // repeated page would be timed as the cache answers it.
    const uncached = await buildUncachedApp(bench.db);
    try {
      step(
        `3 scale: the feed with ${plan.scaleSizes.join(' and ')} tips, the dashboard with 1k and 10k members`,
      );
      rows.push(
        ...(await feedScaleBench(uncached, bench.db, {
          sizes: plan.scaleSizes,
          requests: plan.scaleRequests,
        })),
      );
      rows.push(...(await dashboardBench(uncached, bench.db, { requests: plan.scaleRequests })));
      step(`3 scale: tip search with ${plan.scaleSizes[1]} tips against the feed's first page`);
      rows.push(
        ...(await searchScaleBench(uncached, bench.db, {
          size: plan.scaleSizes[1],
          requests: plan.scaleRequests,
        })),
      );
    } finally {
      await uncached.close();
    }

    step('4 contention: 500 sign-ups for 60 seats, the approval race');
    const contention = await contentionBench(bench.app, bench.db, { runs: plan.bursts });
    rows.push(...contention.rows);
    details.contention = contention.details;

    step('7 isolation: GET /api/me during a burst of sign-ups for one session, against idle');
    const isolation = await poolIsolationBench(bench.app, bench.db, {
      signups: 500,
      probes: quick ? 50 : 200,
    });
    rows.push(...isolation.rows);
    details.isolation = isolation.details;

    step('5 first render in Chromium against the bare hello world');
    rows.push(...(await firstRenderBench(bench.db, { runs: plan.renderRuns })));
  } finally {
    await bench.close();
  }

  console.log(`\n${quick ? 'bench:quick (timings not judged)' : 'bench'}, ${new Date().toISOString()}\n`);
  console.log(formatTable(rows));
  writeFileSync(
    outFile,
    `${JSON.stringify({ quick, at: new Date().toISOString(), rows, details }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${outFile}`);
  // Correctness checks (unit 'check') fail the run in both modes; timing targets are reported, not enforced.
  const broken = rows.filter((r) => r.unit === 'check' && r.met === false);
  if (broken.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
