import type { MyJoinRequestView } from '@/domain/api-types';
import { api } from '@/lib/request';

/** From a member's share card without an invite code: the team decides. */
export function requestToJoin(
  communityId: string,
  { inviterId, note }: { inviterId?: string; note?: string },
): Promise<MyJoinRequestView> {
  return api.post<MyJoinRequestView>(`/api/communities/${encodeURIComponent(communityId)}/join-requests`, {
    inviterId,
    note: note || undefined,
  });
}
