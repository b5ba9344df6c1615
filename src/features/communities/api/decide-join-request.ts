import type { JoinRequestView } from '@/domain/contract/joining';
import { api } from '@/lib/request';

export function approveJoinRequest(requestId: string): Promise<JoinRequestView> {
  return api.post<JoinRequestView>(`/api/join-requests/${encodeURIComponent(requestId)}/approve`);
}

/** The reason is optional; the newcomer sees it for a week. */
export function declineJoinRequest(requestId: string, reason: string): Promise<JoinRequestView> {
  return api.post<JoinRequestView>(`/api/join-requests/${encodeURIComponent(requestId)}/decline`, {
    reason: reason || undefined,
  });
}
