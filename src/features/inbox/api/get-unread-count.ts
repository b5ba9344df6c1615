import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getUnreadCount(): Promise<{ unreadCount: number }> {
  return api.get<{ unreadCount: number }>('/api/me/inbox/unread-count');
}

export function useUnreadCount(signedIn: boolean) {
  return useQuery(signedIn ? 'inbox-unread-count' : null, getUnreadCount);
}
