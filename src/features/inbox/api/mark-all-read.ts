import { api } from '@/lib/request';

export function markAllRead(): Promise<{ unreadCount: number }> {
  return api.post<{ unreadCount: number }>('/api/me/inbox/read-all');
}
