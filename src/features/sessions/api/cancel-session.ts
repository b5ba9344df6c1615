import type { SessionView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function cancelSession(sessionId: string): Promise<SessionView> {
  return api.post<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/cancel`);
}
