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

/**
 * Counts one hit in the bucket's current minute and says whether it is within `limitPerMinute`.
 * One upsert, so concurrent requests on several instances count exactly.
 */
export async function hitRateLimit(
  db: Database,
  bucket: string,
  limitPerMinute: number,
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.bucket, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000);
  return { allowed: row!.hits <= limitPerMinute, retryAfterSeconds };
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
