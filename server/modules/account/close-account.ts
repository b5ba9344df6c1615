import { ownsCommunitiesMessage } from '../../../src/domain/account';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { lockCommunity } from '../communities/community-repository';
import { endMembership } from '../communities/end-membership';
import {
  anonymiseUser,
  clearFeedbackComments,
  clearTryNotes,
  deleteBlocks,
  deleteConsents,
  deleteJoinRequests,
  deleteLoginSessions,
  deleteNoticesAndInbox,
  deleteUnpublishedSuggestions,
  deleteUnreferencedUploads,
  listCommunityIdsOfMember,
  listOwnedCommunities,
  lockUser,
  withdrawPendingPromotionRequests,
} from './account-closure-repository';

/**
 * 注销账号, in one transaction (what happens to each table: README.md). Every membership ends through
 * `endMembership`, under its community's lock, taken in one order (by id) so two closures never wait
 * on each other; an owner is refused until they hand the community over. The user row is locked last,
 * after the memberships: a sign-up in flight holds the membership and then needs the user row, and a
 * login of the same openid waits on it, then finds the openid gone and creates a new user.
 */
export async function closeAccount(db: Database, user: UserRow, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = new Set<string>();
    // A join that committed since the first read shows up in the second; the loop ends when none is new.
    for (;;) {
      const unlocked = (await listCommunityIdsOfMember(tx, user.id)).filter((id) => !locked.has(id));
      if (unlocked.length === 0) break;
      for (const communityId of unlocked) {
        await lockCommunity(tx, communityId);
        locked.add(communityId);
      }
    }
    const owned = await listOwnedCommunities(tx, user.id);
    if (owned.length > 0) {
      throw new AppError(
        'OWNER_CANNOT_CLOSE_ACCOUNT',
        409,
        Object.fromEntries(owned.map((community) => [community.id, community.name])),
        ownsCommunitiesMessage(owned.map((community) => community.name)),
      );
    }
    for (const communityId of locked) await endMembership(tx, communityId, user.id, { kind: 'left' }, now);

    await deleteJoinRequests(tx, user.id);
    await deleteBlocks(tx, user.id);
    await deleteUnpublishedSuggestions(tx, user.id);
    await clearTryNotes(tx, user.id);
    await clearFeedbackComments(tx, user.id);
    await withdrawPendingPromotionRequests(tx, user.id, now);
    await deleteNoticesAndInbox(tx, user.id);
    await deleteConsents(tx, user.id);
    await deleteUnreferencedUploads(tx, user.id);

    await lockUser(tx, user.id);
    await deleteLoginSessions(tx, user.id);
    await anonymiseUser(tx, user.id);
  });
}
