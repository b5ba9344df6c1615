import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { atMost, type BenchRow, row } from './bench-row';
import { seedFeedCommunity } from './feed-bench';

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
  const { communityId, member } = await seedFeedCommunity(app, db, options.tips);
  const path = `/api/communities/${communityId}/tips?sort=latest`;
  const sample = await app.inject({ method: 'GET', url: path, headers: member.headers });
  if (sample.statusCode !== 200) throw new Error(`feed: ${sample.statusCode} ${sample.body}`);
  const body = sample.json();

  const bare = Fastify();
  bare.get('/bare', async () => body);
  const bareUrl = `${await bare.listen({ host: '127.0.0.1', port: 0 })}/bare`;
  const appUrl = `${await app.listen({ host: '127.0.0.1', port: 0 })}${path}`;
  const bareBytes = (await (await fetch(bareUrl)).text()).length;

  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { feedBodyChars: sample.body.length, bareBodyChars: bareBytes };
  try {
    for (const connections of [50, 200]) {
      const run = (url: string, headers?: Record<string, string>) =>
        autocannon({ url, connections, duration: options.seconds, headers });
      const baseline = await run(bareUrl);
      const ours = await run(appUrl, member.headers);
      if (ours.non2xx || ours.errors)
        throw new Error(`feed under load: ${ours.non2xx} non-2xx, ${ours.errors} errors`);
      details[`c${connections}`] = { ours, baseline };
      const label = `feed page, ${connections} connections`;
      rows.push(
        row('2 load', `${label}: p50`, ours.latency.p50, 'ms', baseline.latency.p50, null),
        row('2 load', `${label}: p99`, ours.latency.p99, 'ms', baseline.latency.p99, atMost(3)),
        row(
          '2 load',
          `${label}: throughput`,
          ours.requests.average,
          'req/s',
          baseline.requests.average,
          null,
        ),
      );
    }
  } finally {
    await bare.close();
  }
  return { rows, details };
}
