import type { CommunityView } from '@/domain/api-types';
import { pageUrl, routes } from '@/lib/routes';
import { useSessionStore } from '@/lib/session-store';

/**
 * The share card of 首页 opens the join page. The team's card carries the invite code; a member's
 * card (members do not see the code) names the community, and whoever opens it asks the team.
 * Both name me as the inviter, and both name the community so the page can tell who is already in.
 */
export function shareCardFor(
  community: CommunityView | null,
  myUserId: string | null,
): { title: string; path: string } {
  if (!community) return { title: '群友圈', path: routes.home };
  return {
    title: `邀请你加入「${community.name}」：${community.goal}`,
    path: pageUrl(routes.joinCommunity, {
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
  const { currentCommunityId, memberships, user } = useSessionStore.getState();
  if (!currentCommunityId) return { title: '群友圈', path: routes.home };
  const name = memberships?.find((m) => m.communityId === currentCommunityId)?.communityName;
  return {
    title: name ? `邀请你加入「${name}」` : '邀请你加入我们的群友圈',
    path: pageUrl(routes.joinCommunity, { community: currentCommunityId, inviter: user?.id }),
  };
}
