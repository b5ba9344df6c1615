import type { MemberProfileView } from '@/domain/contract/profiles';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getMemberProfile(communityId: string, userId: string): Promise<MemberProfileView> {
  return api.get<MemberProfileView>(
    `/api/communities/${encodeURIComponent(communityId)}/members/${encodeURIComponent(userId)}`,
  );
}

export function useMemberProfile(communityId: string | null, userId: string | undefined) {
  return useQuery(communityId && userId ? `member-profile:${communityId}:${userId}` : null, () =>
    getMemberProfile(communityId!, userId!),
  );
}
