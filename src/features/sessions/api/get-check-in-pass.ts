import { useQuery } from '@/lib/use-query';
import { getMyCheckInPass } from './scan-check-in';

export function useMyCheckInPass(sessionId: string | null) {
  return useQuery(sessionId ? `check-in-pass:${sessionId}` : null, () => getMyCheckInPass(sessionId!));
}
