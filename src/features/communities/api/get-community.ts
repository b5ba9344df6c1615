import type { CommunityView } from '@/domain/contract/communities';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export const communityPath = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}`;

export function getCommunity(communityId: string): Promise<CommunityView> {
  return api.get<CommunityView>(communityPath(communityId));
}

export function useCommunity(communityId: string | null) {
  return useQuery(communityId ? `community:${communityId}` : null, () => getCommunity(communityId!));
}
