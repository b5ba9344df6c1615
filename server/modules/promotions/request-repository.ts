import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { PromotionStatus } from '../../../src/domain/promotions';
import type { Database } from '../../db/database';
import { memberships, promotionDecisions, promotionRequests, promotionSlots, users } from '../../db/schema';
import { type Viewer, visiblePromotions } from '../moderation/visibility';

export type PromotionRequestRow = typeof promotionRequests.$inferSelect;

const requestWithSlot = {
  request: promotionRequests,
  slot: promotionSlots,
  author: { id: users.id, nickname: users.nickname, avatarUrl: users.avatarUrl },
};

export type RequestWithSlot = {
  request: PromotionRequestRow;
  slot: typeof promotionSlots.$inferSelect;
  author: { id: string; nickname: string; avatarUrl: string | null };
};

function selectRequests(tx: Database, where: SQL | undefined) {
  return tx
    .select(requestWithSlot)
    .from(promotionRequests)
    .innerJoin(promotionSlots, eq(promotionSlots.id, promotionRequests.slotId))
    .innerJoin(users, eq(users.id, promotionRequests.userId))
    .where(where);
}

export async function findRequest(tx: Database, requestId: string): Promise<RequestWithSlot | undefined> {
  const [row] = await selectRequests(tx, eq(promotionRequests.id, requestId));
  return row;
}

export async function lockRequest(tx: Database, requestId: string): Promise<PromotionRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(promotionRequests)
    .where(eq(promotionRequests.id, requestId))
    .for('update');
  return row;
}

export async function insertRequest(
  tx: Database,
  values: typeof promotionRequests.$inferInsert,
): Promise<PromotionRequestRow> {
  const [row] = await tx.insert(promotionRequests).values(values).returning();
  return row!;
}

export async function updateRequest(
  tx: Database,
  requestId: string,
  changes: Partial<typeof promotionRequests.$inferInsert>,
): Promise<void> {
  await tx
    .update(promotionRequests)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(promotionRequests.id, requestId));
}

export async function insertDecision(tx: Database, decision: typeof promotionDecisions.$inferInsert) {
  await tx.insert(promotionDecisions).values(decision);
}

export async function listMyRequests(tx: Database, communityId: string, userId: string) {
  return selectRequests(
    tx,
    and(eq(promotionRequests.communityId, communityId), eq(promotionRequests.userId, userId)),
  )
    .orderBy(desc(promotionSlots.startsAt), desc(promotionRequests.createdAt))
    .limit(20);
}

/** What the eligibility rule needs about one member: approved slot starts and pending count. */
export async function memberPromotionHistory(tx: Database, communityId: string, userId: string) {
  const rows = await tx
    .select({ status: promotionRequests.status, startsAt: promotionSlots.startsAt })
    .from(promotionRequests)
    .innerJoin(promotionSlots, eq(promotionSlots.id, promotionRequests.slotId))
    .where(
      and(
        eq(promotionRequests.communityId, communityId),
        eq(promotionRequests.userId, userId),
        or(eq(promotionRequests.status, 'approved'), eq(promotionRequests.status, 'pending')),
      ),
    );
  return {
    approvedSlotStarts: rows.filter((row) => row.status === 'approved').map((row) => row.startsAt),
    pendingCount: rows.filter((row) => row.status === 'pending').length,
  };
}

/** The review queue: pending requests by slot time, with the member's tenure. */
export async function listPendingForReview(tx: Database, communityId: string) {
  return tx
    .select({ ...requestWithSlot, joinedAt: memberships.joinedAt })
    .from(promotionRequests)
    .innerJoin(promotionSlots, eq(promotionSlots.id, promotionRequests.slotId))
    .innerJoin(users, eq(users.id, promotionRequests.userId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.communityId, promotionRequests.communityId),
        eq(memberships.userId, promotionRequests.userId),
      ),
    )
    .where(and(eq(promotionRequests.communityId, communityId), eq(promotionRequests.status, 'pending')))
    .orderBy(asc(promotionSlots.startsAt), asc(promotionRequests.createdAt))
    .limit(100);
}

/** The latest approved promotion of a member (the reviewer's "last promotion"). */
export async function lastApprovedSlotStart(
  tx: Database,
  communityId: string,
  userId: string,
): Promise<Date | null> {
  const [row] = await tx
    .select({ startsAt: promotionSlots.startsAt })
    .from(promotionRequests)
    .innerJoin(promotionSlots, eq(promotionSlots.id, promotionRequests.slotId))
    .where(
      and(
        eq(promotionRequests.communityId, communityId),
        eq(promotionRequests.userId, userId),
        eq(promotionRequests.status, 'approved'),
      ),
    )
    .orderBy(desc(promotionSlots.startsAt))
    .limit(1);
  return row?.startsAt ?? null;
}

/** Approved promotions of slots not over yet, by slot time. */
export async function listApprovedFromNow(tx: Database, communityId: string, viewer: Viewer, now: Date) {
  return selectRequests(
    tx,
    and(
      eq(promotionRequests.communityId, communityId),
      eq(promotionRequests.status, 'approved' satisfies PromotionStatus),
      visiblePromotions(viewer),
      gt(promotionSlots.endsAt, now),
    ),
  )
    .orderBy(asc(promotionSlots.startsAt), asc(promotionRequests.decidedAt))
    .limit(100);
}

/** Past approved promotions, newest slot first, keyset-paged by (slot start, request id). */
export async function listApprovedArchive(
  tx: Database,
  communityId: string,
  viewer: Viewer,
  now: Date,
  after: { startsAt: Date; id: string } | null,
  limit: number,
) {
  const keyset = after
    ? or(
        lt(promotionSlots.startsAt, after.startsAt),
        and(eq(promotionSlots.startsAt, after.startsAt), lt(promotionRequests.id, after.id)),
      )
    : undefined;
  return selectRequests(
    tx,
    and(
      eq(promotionRequests.communityId, communityId),
      eq(promotionRequests.status, 'approved'),
      visiblePromotions(viewer),
      lt(promotionSlots.endsAt, now),
      keyset,
    ),
  )
    .orderBy(desc(promotionSlots.startsAt), desc(promotionRequests.id))
    .limit(limit);
}

export async function listPendingInSlot(tx: Database, slotId: string): Promise<PromotionRequestRow[]> {
  return tx
    .select()
    .from(promotionRequests)
    .where(and(eq(promotionRequests.slotId, slotId), eq(promotionRequests.status, 'pending')))
    .for('update');
}
