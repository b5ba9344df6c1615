import type { CommunityView } from '@/domain/contract/communities';
import { pagePaths, pageUrl } from '@/domain/page-paths';

/**
 * The share card of 首页 opens the join page. The team's card carries the invite code; a member's
 * card (members do not see the code) names the community, and whoever opens it asks the team.
 * Both name me as the inviter, and both name the community so the page can tell who is already in.
 */
export function shareCardFor(
  community: CommunityView | null,
  myUserId: string | null,
): { title: string; path: string } {
  if (!community) return { title: '群友圈', path: pagePaths.home };
  return {
    title: `邀请你加入「${community.name}」：${community.goal}`,
    path: pageUrl(pagePaths.joinCommunity, {
      code: community.inviteCode ?? undefined,
      community: community.id,
      inviter: myUserId ?? undefined,
    }),
  };
}
