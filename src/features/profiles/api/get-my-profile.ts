import type { MemberProfileView } from '@/domain/contract/profiles';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getMyProfile(communityId: string): Promise<MemberProfileView> {
  return api.get<MemberProfileView>(`/api/communities/${encodeURIComponent(communityId)}/members/me`);
}

export function useMyProfile(communityId: string | null) {
  return useQuery(communityId ? `my-profile:${communityId}` : null, () => getMyProfile(communityId!));
}
