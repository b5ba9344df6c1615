import { request } from '@/lib/request';

export function cancelMySignup(sessionId: string): Promise<void> {
  return request<void>(`/api/sessions/${encodeURIComponent(sessionId)}/signups/me`, {
    method: 'DELETE',
    body: {},
  });
}
