import type { JoinRequestInput, MyJoinRequestView } from '@/domain/contract/joining';
import { api } from '@/lib/request';

/** From a member's share card without an invite code: the team decides. */
export function requestToJoin(
  communityId: string,
  { inviterId, note }: JoinRequestInput,
): Promise<MyJoinRequestView> {
  return api.post<MyJoinRequestView>(`/api/communities/${encodeURIComponent(communityId)}/join-requests`, {
    inviterId,
    note: note || undefined,
  });
}
