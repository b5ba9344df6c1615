import type { Page } from '@/domain/contract/common';
import type { SimilarMemberView } from '@/domain/contract/profiles';
import { api } from '@/lib/request';
import { useCursorPages } from '@/lib/use-cursor-pages';

export function getSimilarMembers(
  communityId: string,
  cursor: string | null,
): Promise<Page<SimilarMemberView>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return api.get<Page<SimilarMemberView>>(
    `/api/communities/${encodeURIComponent(communityId)}/members/similar${query}`,
  );
}

/** 和我相似的人, page by page. */
export function useSimilarMembers(communityId: string | null) {
  return useCursorPages(
    communityId ? `similar:${communityId}` : null,
    (after) => getSimilarMembers(communityId!, after),
    (member) => member.userId,
  );
}
