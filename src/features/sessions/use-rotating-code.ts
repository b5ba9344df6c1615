import { useEffect, useState } from 'react';
import type { HostCheckInCodesView } from '@/domain/contract/sessions';
import { getHostCheckInCodes } from './api/scan-check-in';

type HostCode = HostCheckInCodesView['codes'][number];

/** Ask for more codes while two are still ahead: one failed request leaves a minute to try again. */
const refetchWhenLeft = 2;
const retryMs = 5000;

/**
 * The host's code of the moment. The server hands out the next few codes at once (the secret stays
 * there); the phone shows each in its turn by its own clock, corrected by the server's time, and asks
 * again before the list runs out. Null until the first answer, or when none is current.
 */
export function useRotatingCode(
  sessionId: string,
  active: boolean,
): { token: string | null; error: unknown } {
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!active) {
      setToken(null);
      return;
    }
    let codes: HostCode[] = [];
    let offsetMs = 0;
    let fetching = false;
    let lastFetchAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const fetchCodes = async () => {
      if (fetching || Date.now() - lastFetchAt < retryMs) return;
      fetching = true;
      lastFetchAt = Date.now();
      try {
        const answer = await getHostCheckInCodes(sessionId);
        offsetMs = Date.parse(answer.serverTime) - Date.now();
        codes = answer.codes;
        setError(null);
      } catch (failure) {
        setError(failure);
      } finally {
        fetching = false;
      }
      if (!stopped) show();
    };

    const show = () => {
      clearTimeout(timer);
      const now = Date.now() + offsetMs;
      codes = codes.filter((code) => Date.parse(code.validUntil) > now);
      const current = codes.find((code) => Date.parse(code.validFrom) <= now) ?? null;
      setToken(current?.token ?? null);
      if (codes.length <= refetchWhenLeft) void fetchCodes();
      const next = current ? Date.parse(current.validUntil) - now : retryMs;
      timer = setTimeout(show, Math.max(next, 200));
    };

    void fetchCodes();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sessionId, active]);

  return { token, error };
}
