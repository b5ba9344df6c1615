import type { InboxPage } from '@/domain/contract/notifications';
import { api } from '@/lib/request';

export function getInbox(cursor?: string | null): Promise<InboxPage> {
  return api.get<InboxPage>(cursor ? `/api/me/inbox?cursor=${encodeURIComponent(cursor)}` : '/api/me/inbox');
}
