import type { CommunityView } from '@/domain/api-types';
import { normaliseInviteCode } from '@/domain/community-rules';
import { api } from '@/lib/request';

export function joinCommunity(inviteCode: string): Promise<CommunityView> {
  return api.post<CommunityView>('/api/communities/join', { inviteCode: normaliseInviteCode(inviteCode) });
}
