import type { MemberSummaryView } from '@/domain/contract/profiles';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getTagMembers(communityId: string, tag: string): Promise<MemberSummaryView[]> {
  return api.get<MemberSummaryView[]>(
    `/api/communities/${encodeURIComponent(communityId)}/tags/members?tag=${encodeURIComponent(tag)}`,
  );
}

export function useTagMembers(communityId: string | null, tag: string | undefined) {
  return useQuery(communityId && tag ? `tag-members:${communityId}:${tag}` : null, () =>
    getTagMembers(communityId!, tag!),
  );
}
