import { and, eq, lte, sql } from 'drizzle-orm';
import { tips } from '../../db/schema';
import { type BackgroundJob, toDueWork } from '../../jobs/background-job';
import { claimDueScheduledTips, updateTip } from './tip-repository';

const batchSize = 50;

/**
 * Publishes scheduled tips once their time has come. Every instance runs it; `SKIP LOCKED` hands each
 * due tip to exactly one of them. The tip's published_at is the moment it really appears (not its
 * scheduled time), so a late run never slips a tip in behind pages a reader already scrolled past.
 */
export const scheduledTipPublisher: BackgroundJob = {
  name: 'scheduled-tip-publisher',
  idleIntervalMs: 15_000,
  async runOnce(db, now) {
    return db.transaction(async (tx) => {
      const due = await claimDueScheduledTips(tx, now, batchSize);
      for (const tip of due) await updateTip(tx, tip.id, { status: 'published', publishedAt: now });
      return due.length;
    });
  },
  async dueWork(db, now) {
    const [row] = await db
      .select({ count: sql<number>`count(*)`, oldest: sql<Date | null>`min(${tips.publishAt})` })
      .from(tips)
      .where(and(eq(tips.status, 'scheduled'), lte(tips.publishAt, now)));
    return toDueWork(row);
  },
};
