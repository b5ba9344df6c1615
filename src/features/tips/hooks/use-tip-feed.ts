import { useCallback, useEffect, useRef, useState } from 'react';
import type { TipCardView } from '@/domain/api-types';
import { type FeedFilter, getTipFeed } from '../api/get-tip-feed';

export interface TipFeedState {
  items: TipCardView[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** A failed next page keeps the items and offers a retry at the bottom. */
  moreError: unknown;
  /** The first page again (pull-down refresh); resolves when done. */
  reload: () => Promise<void>;
  /** The next page (infinite scroll); does nothing while one is loading or on the last page. */
  loadMore: () => Promise<void>;
}

/** What has been loaded, and for which community and filter. */
interface LoadedFeed {
  key: string | null;
  items: TipCardView[];
  cursor: string | null;
  status: TipFeedState['status'];
  error: unknown;
  moreError: unknown;
}

const startingOver = (key: string | null): LoadedFeed => ({
  key,
  items: [],
  cursor: null,
  status: 'loading',
  error: null,
  moreError: null,
});

/**
 * The feed, page by page along the server's cursor. A new filter or community starts over, and an
 * answer for an older filter is dropped, so a quick switch between chips never mixes two lists;
 * what was loaded for another community or filter is never shown, not even for one render.
 */
export function useTipFeed(communityId: string | null, filter: FeedFilter): TipFeedState {
  const key = communityId ? `${communityId}|${filter.sort}|${filter.tag ?? ''}` : null;
  const [loaded, setLoaded] = useState<LoadedFeed>(() => startingOver(key));
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  // The key says when to start over; the ref reads the community and filter that go with it.
  const fetchPage = useRef((after: string | null) => getTipFeed(communityId!, filter, after));
  fetchPage.current = (after) => getTipFeed(communityId!, filter, after);

  const reload = useCallback(async () => {
    if (key === null) return;
    const mine = ++generation.current;
    setLoaded((current) => ({ ...current, error: null, moreError: null }));
    try {
      const page = await fetchPage.current(null);
      if (mine !== generation.current) return;
      setLoaded({ ...startingOver(key), items: page.items, cursor: page.nextCursor, status: 'ready' });
    } catch (caught) {
      if (mine !== generation.current) return;
      setLoaded((current) => ({ ...current, status: 'error', error: caught }));
    }
  }, [key]);

  useEffect(() => {
    setLoaded(startingOver(key));
    reload();
  }, [key, reload]);

  const feed = loaded.key === key ? loaded : startingOver(key);

  const loadMore = useCallback(async () => {
    if (key === null || !feed.cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setLoaded((current) => ({ ...current, moreError: null }));
    try {
      const page = await fetchPage.current(feed.cursor);
      if (mine !== generation.current) return;
      setLoaded((current) => {
        const known = new Set(current.items.map((tip) => tip.id));
        return {
          ...current,
          items: [...current.items, ...page.items.filter((tip) => !known.has(tip.id))],
          cursor: page.nextCursor,
        };
      });
    } catch (caught) {
      if (mine === generation.current) setLoaded((current) => ({ ...current, moreError: caught }));
    } finally {
      setLoadingMore(false);
    }
  }, [key, feed.cursor, loadingMore]);

  return {
    items: feed.items,
    status: feed.status,
    error: feed.error,
    hasMore: feed.cursor !== null,
    loadingMore,
    moreError: feed.moreError,
    reload,
    loadMore,
  };
}
