import { api } from '@/lib/request';

export function markRead(messageId: string): Promise<{ unreadCount: number }> {
  return api.post<{ unreadCount: number }>(`/api/me/inbox/${encodeURIComponent(messageId)}/read`);
}
