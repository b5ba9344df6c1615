import type { SuggestedTagView } from '@/domain/contract/tags';
import { api } from '@/lib/request';

export function addSuggestedTag(communityId: string, tag: string): Promise<SuggestedTagView> {
  return api.post<SuggestedTagView>(`/api/communities/${encodeURIComponent(communityId)}/suggested-tags`, {
    tag,
  });
}
