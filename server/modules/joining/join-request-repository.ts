import { and, asc, desc, eq, gte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { JoinRequestStatus, JoinVia } from '../../../src/domain/contract/joining';
import type { Database } from '../../db/database';
import { communities, joinRequests, users } from '../../db/schema';

export type JoinRequestRow = typeof joinRequests.$inferSelect;

export async function insertJoinRequest(
  tx: Database,
  request: { communityId: string; userId: string; inviterId: string | null; via: JoinVia; note: string },
): Promise<JoinRequestRow> {
  const [row] = await tx.insert(joinRequests).values(request).returning();
  return row!;
}

export async function findPendingRequest(
  tx: Database,
  communityId: string,
  userId: string,
): Promise<JoinRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(joinRequests)
    .where(
      and(
        eq(joinRequests.communityId, communityId),
        eq(joinRequests.userId, userId),
        eq(joinRequests.status, 'pending'),
      ),
    );
  return row;
}

/** Two admins deciding the same request at once: the second waits here and then sees it decided. */
export async function lockJoinRequest(tx: Database, requestId: string): Promise<JoinRequestRow | undefined> {
  const [row] = await tx.select().from(joinRequests).where(eq(joinRequests.id, requestId)).for('update');
  return row;
}

export async function findJoinRequest(tx: Database, requestId: string): Promise<JoinRequestRow | undefined> {
  const [row] = await tx.select().from(joinRequests).where(eq(joinRequests.id, requestId));
  return row;
}

export async function decideJoinRequest(
  tx: Database,
  requestId: string,
  decision: { status: Exclude<JoinRequestStatus, 'pending'>; reason?: string; decidedBy: string | null },
): Promise<JoinRequestRow> {
  const [row] = await tx
    .update(joinRequests)
    .set({ ...decision, decidedAt: new Date() })
    .where(eq(joinRequests.id, requestId))
    .returning();
  return row!;
}

const requester = alias(users, 'requester');
const inviter = alias(users, 'inviter');

/** Requests with the newcomer's and the inviter's names, for the review queue. */
export async function listRequestsWithPeople(tx: Database, where: ReturnType<typeof and>) {
  return tx
    .select({
      request: joinRequests,
      user: { id: requester.id, nickname: requester.nickname, avatarUrl: requester.avatarUrl },
      inviter: { id: inviter.id, nickname: inviter.nickname, avatarUrl: inviter.avatarUrl },
    })
    .from(joinRequests)
    .innerJoin(requester, eq(requester.id, joinRequests.userId))
    .leftJoin(inviter, eq(inviter.id, joinRequests.inviterId))
    .where(where)
    .orderBy(asc(joinRequests.createdAt), asc(joinRequests.id));
}

export function pendingIn(communityId: string) {
  return and(eq(joinRequests.communityId, communityId), eq(joinRequests.status, 'pending'));
}

export function withId(requestId: string) {
  return eq(joinRequests.id, requestId);
}

export async function countPendingRequests(tx: Database, communityId: string): Promise<number> {
  return tx.$count(joinRequests, pendingIn(communityId));
}

/** Mine still waiting, and those declined since `declinedSince`, newest first. */
export async function listMyRequests(tx: Database, userId: string, declinedSince: Date) {
  return tx
    .select({ request: joinRequests, communityName: communities.name })
    .from(joinRequests)
    .innerJoin(communities, eq(communities.id, joinRequests.communityId))
    .where(
      and(
        eq(joinRequests.userId, userId),
        or(
          eq(joinRequests.status, 'pending'),
          and(eq(joinRequests.status, 'declined'), gte(joinRequests.decidedAt, declinedSince)),
        ),
      ),
    )
    .orderBy(desc(joinRequests.createdAt));
}
