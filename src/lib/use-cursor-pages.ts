import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@/domain/contract/common';

export interface CursorPagesState<T> {
  items: T[];
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

/** What has been loaded, and for which key. */
interface Loaded<T> {
  key: string | null;
  items: T[];
  cursor: string | null;
  status: CursorPagesState<T>['status'];
  error: unknown;
  moreError: unknown;
}

const startingOver = <T>(key: string | null): Loaded<T> => ({
  key,
  items: [],
  cursor: null,
  status: 'loading',
  error: null,
  moreError: null,
});

/**
 * A list read page by page along the server's cursor (`{ items, nextCursor }`). A new key (another
 * community, filter or tab) starts over, and an answer for an older key is dropped, so a quick
 * switch never mixes two lists; what was loaded for another key is never shown, not even for one
 * render. A null key loads nothing. `idOf` tells items apart: one seen on an earlier page is not repeated.
 */
export function useCursorPages<T>(
  key: string | null,
  fetchPage: (after: string | null) => Promise<Page<T>>,
  idOf: (item: T) => string,
): CursorPagesState<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>(() => startingOver(key));
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  // The key says when to start over; the ref reads what goes with it.
  const fetchLatest = useRef(fetchPage);
  fetchLatest.current = fetchPage;
  const idOfLatest = useRef(idOf);
  idOfLatest.current = idOf;

  const reload = useCallback(async () => {
    if (key === null) return;
    const mine = ++generation.current;
    setLoaded((current) => ({ ...current, error: null, moreError: null }));
    try {
      const page = await fetchLatest.current(null);
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

  const feed = loaded.key === key ? loaded : startingOver<T>(key);

  const loadMore = useCallback(async () => {
    if (key === null || !feed.cursor || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setLoaded((current) => ({ ...current, moreError: null }));
    try {
      const page = await fetchLatest.current(feed.cursor);
      if (mine !== generation.current) return;
      setLoaded((current) => {
        const known = new Set(current.items.map(idOfLatest.current));
        return {
          ...current,
          items: [...current.items, ...page.items.filter((item) => !known.has(idOfLatest.current(item)))],
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
