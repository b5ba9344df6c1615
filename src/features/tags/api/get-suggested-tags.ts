import type { SuggestedTagView } from '@/domain/contract/tags';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getSuggestedTags(communityId: string): Promise<SuggestedTagView[]> {
  return api.get<SuggestedTagView[]>(`/api/communities/${encodeURIComponent(communityId)}/suggested-tags`);
}

export function useSuggestedTags(communityId: string | null) {
  return useQuery(communityId ? `suggested-tags:${communityId}` : null, () => getSuggestedTags(communityId!));
}
