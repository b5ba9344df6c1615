import type { CommunityView } from '@/domain/contract/communities';
import { api } from '@/lib/request';

/** Issues a new invite code; the old one and cards already shared stop working at once. */
export function resetInviteCode(communityId: string): Promise<CommunityView> {
  return api.post<CommunityView>(`/api/communities/${encodeURIComponent(communityId)}/invite-code/reset`);
}
