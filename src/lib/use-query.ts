import { useCallback, useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** Fetches again; resolves when done, so pull-down refresh can stop its spinner. */
  reload: () => Promise<void>;
}

/**
 * Loads `fetcher()` whenever `key` changes; a null key waits (e.g. until signed in).
 * An answer that arrives after the key moved on is dropped, so a quick community switch never shows the old one.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(key !== null);
  const latestKey = useRef(key);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const load = useCallback(async (forKey: string | null) => {
    if (forKey === null) return;
    setIsLoading(true);
    setError(null);
    try {
      const result = await fetcherRef.current();
      if (latestKey.current === forKey) setData(result);
    } catch (caught) {
      if (latestKey.current === forKey) setError(caught);
    } finally {
      if (latestKey.current === forKey) setIsLoading(false);
    }
  }, []);

  useEffect(() => {
    latestKey.current = key;
    setData(undefined);
    setIsLoading(key !== null);
    load(key);
  }, [key, load]);

  const reload = useCallback(() => load(latestKey.current), [load]);
  return { data, error, isLoading, reload };
}
