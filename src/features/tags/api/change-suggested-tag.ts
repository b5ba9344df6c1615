import type { SuggestedTagView } from '@/domain/contract/tags';
import { api } from '@/lib/request';

export function changeSuggestedTag(
  communityId: string,
  tagId: string,
  changes: { tag?: string; hidden?: boolean },
): Promise<SuggestedTagView> {
  return api.patch<SuggestedTagView>(
    `/api/communities/${encodeURIComponent(communityId)}/suggested-tags/${encodeURIComponent(tagId)}`,
    changes,
  );
}
