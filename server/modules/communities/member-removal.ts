import type { BlockedUserView, RemoveMemberInput } from '../../../src/domain/contract/communities';
import { pagePaths } from '../../../src/domain/page-paths';
import { canRemoveMember } from '../../../src/domain/roles';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { findMember } from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import { enqueueNotice } from '../notifications';
import { blockUser, liftBlock, listBlocks } from './block-repository';
import { type CommunityRow, lockCommunity } from './community-repository';
import { endMembership } from './end-membership';

export interface RemovalDeps {
  db: Database;
  textChecker: TextChecker;
}

function removalNoticeBody(reason: string, block: boolean): string {
  const why = reason ? `原因：${reason}。` : '';
  const after = block ? '你不能再次加入这个社群。' : '如需再次加入，请向群主索取邀请码。';
  return `${why}你在这个社群的活动报名已取消。${after}`;
}

/**
 * The owner or an admin removes a member whose role is below theirs. Under the community lock, like
 * every membership change: the membership ends the one way (`endMembership`: sign-ups cancelled,
 * waitlists promoted, pending notices withdrawn), the block is written if asked, and the removed
 * member is told, all in one transaction.
 */
export async function removeMember(
  { db, textChecker }: RemovalDeps,
  user: UserRow,
  communityId: string,
  targetUserId: string,
  input: RemoveMemberInput,
  now: Date,
): Promise<void> {
  // Checked before the text check, so a member or outsider learns nothing from it; again under the lock.
  await requireMembership(db, communityId, user.id, 'admin');
  await requireAcceptableTexts(textChecker, user, 'comment', { reason: input.reason });
  await db.transaction(async (tx) => {
    const community = await lockCommunity(tx, communityId);
    if (!community) throw new AppError('NOT_FOUND', 404);
    await removeMemberLocked(tx, community, user, targetUserId, input, now);
  });
}

/**
 * A removal inside the caller's transaction, which has locked the community row (the report queue's
 * "remove the author" uses it too). The reason has passed the content check.
 */
export async function removeMemberLocked(
  tx: Database,
  community: CommunityRow,
  user: UserRow,
  targetUserId: string,
  input: RemoveMemberInput,
  now: Date,
): Promise<void> {
  const communityId = community.id;
  const reason = input.reason ?? '';
  const myRole = await requireMembership(tx, communityId, user.id, 'admin');
  if (targetUserId === user.id) throw new AppError('CANNOT_REMOVE_SELF', 409);
  const target = await findMember(tx, communityId, targetUserId);
  if (!target) throw new AppError('MEMBER_NOT_FOUND', 404);
  if (!canRemoveMember(myRole, target.role)) throw new AppError('CANNOT_REMOVE_ROLE', 403);
  await endMembership(tx, communityId, targetUserId, { kind: 'removed', actorId: user.id, reason }, now);
  if (input.block) {
    await blockUser(tx, { communityId, userId: targetUserId, reason, blockedBy: user.id, createdAt: now });
  }
  // After endMembership, which withdraws every notice still pending for them here.
  await enqueueNotice(tx, {
    userId: targetUserId,
    communityId,
    kind: 'member_removed',
    title: `你已被移出「${community.name}」`,
    body: removalNoticeBody(reason, input.block ?? false),
    link: pagePaths.home,
  });
}

export async function listBlockedUsers(
  db: Database,
  user: UserRow,
  communityId: string,
): Promise<BlockedUserView[]> {
  await requireMembership(db, communityId, user.id, 'admin');
  return (await listBlocks(db, communityId)).map((row) => ({
    ...row,
    blockedAt: row.blockedAt.toISOString(),
  }));
}

/** The user may join again the usual ways (an invite code, a share card, the group). */
export async function unblockUser(
  db: Database,
  user: UserRow,
  communityId: string,
  userId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, 'admin');
    if (!(await liftBlock(tx, communityId, userId))) throw new AppError('BLOCK_NOT_FOUND', 404);
  });
}
