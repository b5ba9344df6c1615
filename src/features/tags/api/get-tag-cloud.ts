import type { TagCount } from '@/domain/contract/tags';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getTagCloud(communityId: string): Promise<TagCount[]> {
  return api.get<TagCount[]>(`/api/communities/${encodeURIComponent(communityId)}/tags`);
}

export function useTagCloud(communityId: string | null) {
  return useQuery(communityId ? `tag-cloud:${communityId}` : null, () => getTagCloud(communityId!));
}
