import { and, asc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { closedAccountName } from '../../../src/domain/account';
import type { Database } from '../../db/database';
import {
  authSessions,
  communities,
  communityBlocks,
  joinRequests,
  memberships,
  notices,
  promotionRequests,
  sessionSignups,
  subscribeConsents,
  tips,
  tipTries,
  uploads,
  users,
} from '../../db/schema';

/** A closed account's openid: never a WeChat openid nor a dev login's (`dev:`), so the next login is a new user. */
export const closedOpenidPrefix = 'closed:';

/** The user row, locked: a login of the same openid waits for the closure and then creates a new user. */
export async function lockUser(tx: Database, userId: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return row;
}

export async function listCommunityIdsOfMember(tx: Database, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ communityId: memberships.communityId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.communityId));
  return rows.map((row) => row.communityId);
}

/** The communities the user owns, read under their locks. */
export async function listOwnedCommunities(tx: Database, userId: string) {
  return tx
    .select({ id: communities.id, name: communities.name })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner')))
    .orderBy(asc(communities.name));
}

/** Their suggestions still waiting or declined: nobody else depends on them. Published, scheduled, unpublished and team drafts stay. */
export async function deleteUnpublishedSuggestions(tx: Database, userId: string): Promise<void> {
  await tx
    .delete(tips)
    .where(and(eq(tips.authorId, userId), inArray(tips.status, ['suggested', 'declined'])));
}

/** 我试过了 still counts on the tip; the words they wrote go. */
export async function clearTryNotes(tx: Database, userId: string): Promise<void> {
  await tx.update(tipTries).set({ note: null }).where(eq(tipTries.userId, userId));
}

/** Past sign-ups stay for the attendance counts; the comment they wrote goes (the rating stays in the average). */
export async function clearFeedbackComments(tx: Database, userId: string): Promise<void> {
  await tx
    .update(sessionSignups)
    .set({ feedbackComment: null })
    .where(and(eq(sessionSignups.userId, userId), isNotNull(sessionSignups.feedbackComment)));
}

/** Like the author withdrawing them: a pending request holds no place on the board. */
export async function withdrawPendingPromotionRequests(tx: Database, userId: string, now: Date) {
  await tx
    .update(promotionRequests)
    .set({ status: 'withdrawn', updatedAt: now })
    .where(and(eq(promotionRequests.userId, userId), eq(promotionRequests.status, 'pending')));
}

/** Their join requests with their notes; a pending one would otherwise let a closed account in. */
export async function deleteJoinRequests(tx: Database, userId: string): Promise<void> {
  await tx.delete(joinRequests).where(eq(joinRequests.userId, userId));
}

/** A block names a person who no longer exists here, with the team's reason about them. */
export async function deleteBlocks(tx: Database, userId: string): Promise<void> {
  await tx.delete(communityBlocks).where(eq(communityBlocks.userId, userId));
}

/** Every notice of theirs, sent or not; their inbox goes with them (cascade). */
export async function deleteNoticesAndInbox(tx: Database, userId: string): Promise<void> {
  await tx.delete(notices).where(eq(notices.userId, userId));
}

export async function deleteConsents(tx: Database, userId: string): Promise<void> {
  await tx.delete(subscribeConsents).where(eq(subscribeConsents.userId, userId));
}

/** Their images, except those shown in a tip or promotion that stays (a tip the team published). */
export async function deleteUnreferencedUploads(tx: Database, userId: string): Promise<void> {
  const inTips = tx.select({ id: tips.imageUploadId }).from(tips).where(isNotNull(tips.imageUploadId));
  const inPromotions = tx
    .select({ id: promotionRequests.imageUploadId })
    .from(promotionRequests)
    .where(isNotNull(promotionRequests.imageUploadId));
  await tx
    .delete(uploads)
    .where(
      and(
        eq(uploads.ownerUserId, userId),
        notInArray(uploads.id, inTips),
        notInArray(uploads.id, inPromotions),
      ),
    );
}

export async function deleteLoginSessions(tx: Database, userId: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.userId, userId));
}

/** The row stays (tips, sessions and attendance point at it), with nothing left that says who it was. */
export async function anonymiseUser(tx: Database, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({
      openid: `${closedOpenidPrefix}${userId}`,
      unionid: null,
      sessionKey: null,
      nickname: closedAccountName,
      avatarUrl: null,
    })
    .where(eq(users.id, userId));
}
