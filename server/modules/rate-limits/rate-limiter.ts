import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { rateLimitHits } from '../../db/schema';
import type { BackgroundJob } from '../../jobs/background-job';

export interface RateLimits {
  /** Login attempts (WeChat and dev) per client address and minute. */
  loginPerAddress: number;
  /** Writes (POST, PUT, PATCH, DELETE) per signed-in user and minute. */
  writesPerUser: number;
  /** Writes per client address and minute, signed in or not. */
  writesPerAddress: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the current one-minute window ends. */
  retryAfterSeconds: number;
}

export interface RateLimitHit {
  bucket: string;
  limitPerMinute: number;
}

/**
 * Counts one hit in each bucket's current minute and says whether every one is within its limit.
 * One upsert for all the buckets, so concurrent requests on several instances count exactly, and a
 * write counted per address and per user costs one round trip. Buckets must differ; a request's
 * buckets always come in the same order (address, then user), so two upserts never wait on each
 * other's rows in a cycle.
 */
export async function hitRateLimits(
  db: Database,
  hits: RateLimitHit[],
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const rows = await db
    .insert(rateLimitHits)
    .values(hits.map(({ bucket }) => ({ bucket, windowStart, hits: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitHits.bucket, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ bucket: rateLimitHits.bucket, hits: rateLimitHits.hits });
  const counted = new Map(rows.map((row) => [row.bucket, row.hits]));
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000);
  return {
    allowed: hits.every(({ bucket, limitPerMinute }) => counted.get(bucket)! <= limitPerMinute),
    retryAfterSeconds,
  };
}

/** One bucket: `hitRateLimits` with one hit. */
export function hitRateLimit(
  db: Database,
  bucket: string,
  limitPerMinute: number,
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  return hitRateLimits(db, [{ bucket, limitPerMinute }], now);
}

/** Windows older than a few minutes only take space. */
export const rateLimitCleanupJob: BackgroundJob = {
  name: 'rate-limit-cleanup',
  idleIntervalMs: 5 * 60_000,
  async runOnce(db, now) {
    const removed = await db
      .delete(rateLimitHits)
      .where(lt(rateLimitHits.windowStart, new Date(now.getTime() - 5 * 60_000)))
      .returning({ bucket: rateLimitHits.bucket });
    // One statement removes every old window, so the runner's next (draining) run finds none.
    return removed.length;
  },
};
