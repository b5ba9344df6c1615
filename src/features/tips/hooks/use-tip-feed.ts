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

/**
 * The feed, page by page along the server's cursor. A new filter or community starts over, and an
 * answer for an older filter is dropped, so a quick switch between chips never mixes two lists.
 */
export function useTipFeed(communityId: string | null, filter: FeedFilter): TipFeedState {
  const [items, setItems] = useState<TipCardView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<TipFeedState['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const generation = useRef(0);
  const key = communityId ? `${communityId}|${filter.sort}|${filter.tag ?? ''}` : null;
  // The key says when to start over; the ref reads the community and filter that go with it.
  const fetchPage = useRef((after: string | null) => getTipFeed(communityId!, filter, after));
  fetchPage.current = (after) => getTipFeed(communityId!, filter, after);

  const reload = useCallback(async () => {
    if (key === null) return;
    const mine = ++generation.current;
    setError(null);
    setMoreError(null);
    try {
      const page = await fetchPage.current(null);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      setStatus('ready');
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(caught);
      setStatus('error');
    }
  }, [key]);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setStatus('loading');
    reload();
  }, [reload]);

  const loadMore = useCallback(async () => {
    if (key === null || !cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchPage.current(cursor);
      if (mine !== generation.current) return;
      setItems((current) => {
        const known = new Set(current.map((tip) => tip.id));
        return [...current, ...page.items.filter((tip) => !known.has(tip.id))];
      });
      setCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setMoreError(caught);
    } finally {
      setLoadingMore(false);
    }
  }, [key, cursor, loadingMore]);

  return { items, status, error, hasMore: cursor !== null, loadingMore, moreError, reload, loadMore };
}
