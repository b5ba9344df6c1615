import type { MemberView } from '@/domain/contract/communities';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getMembers(communityId: string): Promise<MemberView[]> {
  return api.get<MemberView[]>(`/api/communities/${encodeURIComponent(communityId)}/members`);
}

export function useMembers(communityId: string | null) {
  return useQuery(communityId ? `members:${communityId}` : null, () => getMembers(communityId!));
}
