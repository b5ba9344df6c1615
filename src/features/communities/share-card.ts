import type { CommunityView } from '@/domain/api-types';
import { joinCommunityPath, routes } from '@/lib/routes';

/** The share card of 首页: with an invite code it opens the join page prefilled; without one, just the app. */
export function shareCardFor(community: CommunityView | null): { title: string; path: string } {
  if (!community) return { title: '群友圈', path: routes.home };
  return {
    title: `邀请你加入「${community.name}」：${community.goal}`,
    path: community.inviteCode ? joinCommunityPath(community.inviteCode) : routes.home,
  };
}
