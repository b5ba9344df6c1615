import type { SessionInput, SessionView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function createSession(communityId: string, input: SessionInput): Promise<SessionView> {
  return api.post<SessionView>(`/api/communities/${encodeURIComponent(communityId)}/sessions`, input);
}

export function updateSession(sessionId: string, changes: Partial<SessionInput>): Promise<SessionView> {
  return api.patch<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}`, changes);
}
