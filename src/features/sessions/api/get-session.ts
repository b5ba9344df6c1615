import type { SessionView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getSession(sessionId: string): Promise<SessionView> {
  return api.get<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}`);
}

export function useSession(sessionId: string | null) {
  return useQuery(sessionId ? `session:${sessionId}` : null, () => getSession(sessionId!));
}
