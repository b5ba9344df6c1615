import type { GroupTicketInput, JoinResult } from '@/domain/contract/joining';
import { api } from '@/lib/request';

/** Being in the community's bound WeChat group is the proof: always joined, no code and no approval. */
export function joinByGroup(ticket: GroupTicketInput, inviterId?: string): Promise<JoinResult> {
  return api.post<JoinResult>('/api/communities/join-by-group', { ...ticket, inviterId });
}
