import type { Role } from '@/domain/roles';
import { hasRoleAtLeast } from '@/domain/roles';
import { useJoinRequests } from '@/features/communities/api/get-join-requests';
import { usePromotionBoard } from '@/features/promotions/api/get-promotion-board';
import { usePromotionReview } from '@/features/promotions/api/get-promotion-review';
import { useSessions } from '@/features/sessions/api/get-sessions';
import { useManagedTips } from '@/features/tips/api/get-managed-tips';
import { useTipFeed } from '@/features/tips/hooks/use-tip-feed';
import { useLatestWeeklyDigest } from '@/features/weekly-digest/api/get-latest-weekly-digest';

const newestFirst = { sort: 'latest', tag: null } as const;

/**
 * The data of 首页's sections, loaded here so one pull-down refresh reloads them all. The waiting
 * counts are asked for only by the owner and admins, who can act on them.
 */
export function useHomeSections(communityId: string | null, role: Role | null) {
  const canReview = role !== null && hasRoleAtLeast(role, 'admin');
  const reviewCommunityId = canReview ? communityId : null;
  const tips = useTipFeed(communityId, newestFirst);
  const sessions = useSessions(communityId, null);
  const board = usePromotionBoard(communityId);
  const digest = useLatestWeeklyDigest(communityId);
  const suggestions = useManagedTips(reviewCommunityId, 'suggested');
  const promotionRequests = usePromotionReview(reviewCommunityId);
  const joinRequests = useJoinRequests(reviewCommunityId);

  const reload = async () => {
    await Promise.all([
      tips.reload(),
      sessions.reload(),
      board.reload(),
      digest.reload(),
      suggestions.reload(),
      promotionRequests.reload(),
      joinRequests.reload(),
    ]);
  };
  return { tips, sessions, board, digest, canReview, suggestions, promotionRequests, joinRequests, reload };
}

export type HomeSections = ReturnType<typeof useHomeSections>;
