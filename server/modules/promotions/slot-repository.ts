import { and, asc, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { SlotTime } from '../../../src/domain/promotions';
import type { Database } from '../../db/database';
import { promotionRequests, promotionSlots } from '../../db/schema';

export type PromotionSlotRow = typeof promotionSlots.$inferSelect;

/** Idempotent: a slot that exists at that start (from the schedule or added by hand) is kept as it is. */
export async function materialiseSlots(tx: Database, communityId: string, times: SlotTime[]): Promise<void> {
  if (times.length === 0) return;
  await tx
    .insert(promotionSlots)
    .values(times.map((time) => ({ communityId, ...time, source: 'schedule' as const })))
    .onConflictDoNothing({ target: [promotionSlots.communityId, promotionSlots.startsAt] });
}

/**
 * After a schedule change: future slots of the old schedule that nobody asked for go away.
 * Slots with requests stay (the team can close them), and so do extra slots.
 */
export async function deleteUnusedScheduledSlots(
  tx: Database,
  communityId: string,
  now: Date,
): Promise<void> {
  await tx
    .delete(promotionSlots)
    .where(
      and(
        eq(promotionSlots.communityId, communityId),
        eq(promotionSlots.source, 'schedule'),
        gt(promotionSlots.startsAt, now),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(promotionRequests)
            .where(eq(promotionRequests.slotId, promotionSlots.id)),
        ),
      ),
    );
}

/** Slots not over yet and starting before `until`, in time order. */
export async function listSlots(tx: Database, communityId: string, now: Date, until: Date) {
  return tx
    .select()
    .from(promotionSlots)
    .where(
      and(
        eq(promotionSlots.communityId, communityId),
        gt(promotionSlots.endsAt, now),
        lte(promotionSlots.startsAt, until),
      ),
    )
    .orderBy(asc(promotionSlots.startsAt));
}

export async function findSlot(tx: Database, slotId: string): Promise<PromotionSlotRow | undefined> {
  const [slot] = await tx.select().from(promotionSlots).where(eq(promotionSlots.id, slotId));
  return slot;
}

/** The lock every approval takes: approvals of one slot run one after another. */
export async function lockSlot(tx: Database, slotId: string): Promise<PromotionSlotRow | undefined> {
  const [slot] = await tx.select().from(promotionSlots).where(eq(promotionSlots.id, slotId)).for('update');
  return slot;
}

export async function insertExtraSlot(
  tx: Database,
  slot: { communityId: string; startsAt: Date; endsAt: Date; places: number },
): Promise<PromotionSlotRow | undefined> {
  const [row] = await tx
    .insert(promotionSlots)
    .values({ ...slot, source: 'extra' })
    .onConflictDoNothing({ target: [promotionSlots.communityId, promotionSlots.startsAt] })
    .returning();
  return row;
}

export async function countApprovedPlace(tx: Database, slotId: string): Promise<void> {
  await tx
    .update(promotionSlots)
    .set({ approvedCount: sql`${promotionSlots.approvedCount} + 1` })
    .where(eq(promotionSlots.id, slotId));
}

export async function closeSlotRow(tx: Database, slotId: string, userId: string, now: Date): Promise<void> {
  await tx
    .update(promotionSlots)
    .set({ closedAt: now, closedBy: userId })
    .where(eq(promotionSlots.id, slotId));
}
