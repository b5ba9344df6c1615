import type { JoinRequestView } from '@/domain/contract/joining';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

/** The pending requests of a community, oldest first (owner and admins). */
export function getJoinRequests(communityId: string): Promise<JoinRequestView[]> {
  return api.get<JoinRequestView[]>(`/api/communities/${encodeURIComponent(communityId)}/join-requests`);
}

export function useJoinRequests(communityId: string | null) {
  return useQuery(communityId ? `join-requests:${communityId}` : null, () => getJoinRequests(communityId!));
}
