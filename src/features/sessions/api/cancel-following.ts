import type { SessionView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

/** 取消此次及以后: this date of a series and every later one not yet started. */
export function cancelFollowing(sessionId: string): Promise<SessionView> {
  return api.post<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}/cancel-following`);
}
