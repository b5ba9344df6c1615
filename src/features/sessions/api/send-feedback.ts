import type { MySignupView } from '@/domain/api-types';
import { api } from '@/lib/request';

export function sendFeedback(sessionId: string, rating: number, comment: string): Promise<MySignupView> {
  return api.put<MySignupView>(`/api/sessions/${encodeURIComponent(sessionId)}/feedback`, {
    rating,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });
}
