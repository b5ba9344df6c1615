import type { MySignupView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function checkIn(sessionId: string, code: string): Promise<MySignupView> {
  return api.post<MySignupView>(`/api/sessions/${encodeURIComponent(sessionId)}/check-in`, { code });
}
