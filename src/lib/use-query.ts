import { useCallback, useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  /** Fetches again; resolves when done, so pull-down refresh can stop its spinner. */
  reload: () => Promise<void>;
}

/** An answer remembers the key it was fetched for: it is shown only while that key is current. */
interface Answer<T> {
  key: string;
  data?: T;
  error?: unknown;
}

/**
 * Loads `fetcher()` whenever `key` changes; a null key waits (e.g. until signed in).
 * An answer that arrives after the key moved on is dropped, and an answer for an earlier key is
 * never shown for the new one, not even for the render before the new fetch starts.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryState<T> {
  const [answer, setAnswer] = useState<Answer<T>>();
  const [loadingKey, setLoadingKey] = useState<string | null>(key);
  const latestKey = useRef(key);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const load = useCallback(async (forKey: string | null) => {
    if (forKey === null) return;
    setLoadingKey(forKey);
    setAnswer((current) => (current?.key === forKey ? { key: forKey, data: current.data } : undefined));
    try {
      const data = await fetcherRef.current();
      if (latestKey.current === forKey) setAnswer({ key: forKey, data });
    } catch (caught) {
      if (latestKey.current === forKey)
        setAnswer((current) => ({
          key: forKey,
          data: current?.key === forKey ? current.data : undefined,
          error: caught,
        }));
    } finally {
      if (latestKey.current === forKey) setLoadingKey(null);
    }
  }, []);

  useEffect(() => {
    latestKey.current = key;
    setAnswer(undefined);
    setLoadingKey(key);
    load(key);
  }, [key, load]);

  const reload = useCallback(() => load(latestKey.current), [load]);
  const current = answer?.key === key ? answer : undefined;
  return {
    data: current?.data,
    error: current?.error ?? null,
    isLoading: key !== null && (loadingKey === key || current === undefined),
    reload,
  };
}
