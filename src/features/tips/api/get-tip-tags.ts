import type { TipTagsView } from '@/domain/contract/tips';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export const tipTagsPath = (communityId: string) =>
  `/api/communities/${encodeURIComponent(communityId)}/tips/tags`;

export function getTipTags(communityId: string): Promise<TipTagsView> {
  return api.get<TipTagsView>(tipTagsPath(communityId));
}

export function useTipTags(communityId: string | null) {
  return useQuery(communityId ? `tip-tags:${communityId}` : null, () => getTipTags(communityId!));
}
