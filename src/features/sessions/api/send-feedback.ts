import type { MySignupView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function sendFeedback(sessionId: string, rating: number, comment: string): Promise<MySignupView> {
  return api.put<MySignupView>(`/api/sessions/${encodeURIComponent(sessionId)}/feedback`, {
    rating,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
}
