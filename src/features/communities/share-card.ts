import type { CommunityView } from '@/domain/contract/communities';
import { pagePaths, pageUrl } from '@/domain/page-paths';
import { useLoginSession } from '@/lib/login-session';

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

/**
 * The card of a page that has none of its own yet (still signing in or loading) or at all (我的, the
 * team's tools): the invitation to the community I am looking at, by name once /api/me has answered.
 */
export function defaultShareCard(): { title: string; path: string } {
  const { currentCommunityId, memberships, user } = useLoginSession.getState();
  if (!currentCommunityId) return { title: '群友圈', path: pagePaths.home };
  const name = memberships?.find((m) => m.communityId === currentCommunityId)?.communityName;
  return {
    title: name ? `邀请你加入「${name}」` : '邀请你加入我们的群友圈',
    path: pageUrl(pagePaths.joinCommunity, { community: currentCommunityId, inviter: user?.id }),
  };
}
