import { useCallback, useState } from 'react';
import type { Page, SimilarMemberView } from '@/domain/api-types';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getSimilarMembers(communityId: string, cursor?: string): Promise<Page<SimilarMemberView>> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return api.get<Page<SimilarMemberView>>(
    `/api/communities/${encodeURIComponent(communityId)}/members/similar${query}`,
  );
}

/** The first page through useQuery; `loadMore` appends the next pages by their cursor. */
export function useSimilarMembers(communityId: string | null) {
  const first = useQuery(communityId ? `similar:${communityId}` : null, () =>
    getSimilarMembers(communityId!),
  );
  // Kept with the community they belong to, so switching community never shows the old pages.
  const [later, setLater] = useState<{ communityId: string | null; pages: Page<SimilarMemberView>[] }>({
    communityId,
    pages: [],
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const laterPages = later.communityId === communityId ? later.pages : [];

  const lastPage = laterPages.length > 0 ? laterPages[laterPages.length - 1] : first.data;
  const nextCursor = lastPage?.nextCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!communityId || !nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await getSimilarMembers(communityId, nextCursor);
      setLater((previous) => ({
        communityId,
        pages: [...(previous.communityId === communityId ? previous.pages : []), page],
      }));
    } finally {
      setLoadingMore(false);
    }
  }, [communityId, nextCursor, loadingMore]);

  const reload = useCallback(async () => {
    setLater({ communityId, pages: [] });
    await first.reload();
  }, [communityId, first.reload]);

  return {
    items: first.data ? [first.data, ...laterPages].flatMap((page) => page.items) : undefined,
    error: first.error,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
    reload,
  };
}
