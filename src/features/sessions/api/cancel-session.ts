import type { SessionView } from '@/domain/api-types';
import { api } from '@/lib/request';

export function cancelSession(sessionId: string): Promise<SessionView> {
  return api.post<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/cancel`);
}
