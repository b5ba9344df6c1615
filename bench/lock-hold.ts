import type { Pool, PoolClient } from 'pg';
import type { Database } from '../server/db/database';
import { percentile } from './bench-row';

export interface LockHolds {
  /** Each transaction that took a session's lock: milliseconds from taking it to the commit. */
  holdsMs: number[];
  stop(): void;
}

const takesSessionLock = (text: string) => /from "sessions"/.test(text) && /for update\b/i.test(text);

/**
 * Watches, on every connection of the app's pool, how long transactions hold a session row's lock:
 * from the reply to the statement that takes it (`lockSession`) to the reply to the commit. Timed
 * on the wire, so it includes the commit's disk flush and this process's turn to send what comes
 * between; PostgreSQL releases the lock just before it answers the commit. Null on PGlite (no pool,
 * and one transaction at a time anyway).
 */
export function watchSessionLockHolds(db: Database): LockHolds | null {
  const pool = (db as unknown as { $client?: Pool }).$client;
  if (!pool || typeof pool.on !== 'function') return null;
  const holdsMs: number[] = [];
  const watched = new WeakSet<PoolClient>();
  const watch = (client: PoolClient) => {
    if (watched.has(client)) return;
    watched.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    let lockedAt: number | null = null;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const config = args[0] as string | { text?: string } | undefined;
      const text = (typeof config === 'string' ? config : config?.text) ?? '';
      const result = query(...args);
      if (result instanceof Promise) {
        result.then(
          () => {
            if (lockedAt === null && takesSessionLock(text)) lockedAt = performance.now();
            else if (lockedAt !== null && /^(commit|rollback)$/i.test(text.trim())) {
              holdsMs.push(performance.now() - lockedAt);
              lockedAt = null;
            }
          },
          () => {
            lockedAt = null;
          },
        );
      }
      return result;
    };
  };
  pool.on('acquire', watch);
  return { holdsMs, stop: () => pool.off('acquire', watch) };
}

export function lockHoldSummary(holdsMs: number[], signUps: number) {
  const sorted = [...holdsMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    transactions: sorted.length,
    p50Ms: sorted.length ? percentile(sorted, 50) : 0,
    p99Ms: sorted.length ? percentile(sorted, 99) : 0,
    totalMs: total,
    perSignUpMs: signUps ? total / signUps : 0,
  };
}
