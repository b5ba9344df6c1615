import type { MyJoinRequestView } from '@/domain/contract/joining';
import { api } from '@/lib/request';

export function withdrawJoinRequest(requestId: string): Promise<MyJoinRequestView> {
  return api.post<MyJoinRequestView>(`/api/join-requests/${encodeURIComponent(requestId)}/withdraw`);
}
