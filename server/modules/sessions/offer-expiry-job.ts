import { and, eq, lte, sql } from 'drizzle-orm';
import { sessionSignups } from '../../db/schema';
import { type BackgroundJob, toDueWork } from '../../jobs/background-job';
import { releaseSignups } from './seat-ledger';
import { lockSessionsWithExpiredOffers } from './session-repository';

/**
 * Unclaimed offers pass to the next in line. Each run locks a few sessions that have an expired offer
 * (skipping sessions another instance or a sign-up holds), expires the offers and promotes.
 */
export const offerExpiryJob: BackgroundJob = {
  name: 'session-offer-expiry',
  idleIntervalMs: 60_000,
  async runOnce(db, now) {
    return db.transaction(async (tx) => {
      const sessions = await lockSessionsWithExpiredOffers(tx, now, 20);
      let expired = 0;
      for (const session of sessions) {
        expired += await releaseSignups(tx, session, { offersExpiredBy: now }, now);
      }
      return expired;
    });
  },
  async dueWork(db, now) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)`,
        oldest: sql<Date | null>`min(${sessionSignups.offerExpiresAt})`,
      })
      .from(sessionSignups)
      .where(and(eq(sessionSignups.status, 'offered'), lte(sessionSignups.offerExpiresAt, now)));
    return toDueWork(row);
  },
};
