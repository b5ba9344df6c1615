import type { App } from '../server/app';
import type { Database } from '../server/db/database';
import { devLogin, type SignedInUser } from '../test/support/api-session';
import { atMost, type BenchRow, percentile, row } from './bench-row';
import { prepareBurst } from './signup-burst';

async function timedMe(app: App, user: SignedInUser): Promise<number> {
  const started = performance.now();
  const response = await app.inject({ url: '/api/me', headers: user.headers });
  if (response.statusCode !== 200) throw new Error(`GET /api/me: ${response.statusCode} ${response.body}`);
  return performance.now() - started;
}

/** GET /api/me one after another, `count` times or until `until` settles. */
async function probe(app: App, user: SignedInUser, until: { count?: number; done?: () => boolean }) {
  const latencies: number[] = [];
  while (until.count ? latencies.length < until.count : !until.done?.()) {
    latencies.push(await timedMe(app, user));
  }
  return latencies.sort((a, b) => a - b);
}

/**
 * Point 7: a hot row must not starve the pool. An unrelated member reads GET /api/me one request
 * after another, first with nothing else running, then while `signups` members sign up for one
 * session at once (every sign-up locks the session row). Ours: p99 during the burst; baseline: idle.
 */
export async function poolIsolationBench(
  app: App,
  db: Database,
  { signups, probes }: { signups: number; probes: number },
): Promise<{ rows: BenchRow[]; details: unknown }> {
  const reader = await devLogin(app, `isolation-${Date.now().toString(36)}`);
  await probe(app, reader, { count: 20 }); // warm up
  const idle = await probe(app, reader, { count: probes });

  const { users, sessionId } = await prepareBurst(app, db, signups, 60);
  let finished = false;
  const started = performance.now();
  const burst = Promise.all(
    users.map((user) =>
      app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/signups`,
        headers: user.headers,
        payload: {},
      }),
    ),
  ).finally(() => {
    finished = true;
  });
  const during = await probe(app, reader, { done: () => finished });
  const failed = (await burst).filter((response) => response.statusCode !== 200).length;
  const burstMs = performance.now() - started;

  const idleP99 = percentile(idle, 99);
  const duringP99 = percentile(during, 99);
  return {
    rows: [
      row(
        '7 isolation',
        `GET /api/me p99 during ${signups} sign-ups for one session (vs idle)`,
        duringP99,
        'ms',
        idleP99,
        atMost(10),
      ),
    ],
    details: {
      idle: { p50: percentile(idle, 50), p99: idleP99, n: idle.length },
      during: { p50: percentile(during, 50), p99: duringP99, n: during.length },
      burst: { ms: burstMs, failures: failed },
    },
  };
}
