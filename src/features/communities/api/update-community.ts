import type { CommunityChanges, CommunityView } from '@/domain/contract/communities';
import { api } from '@/lib/request';

export function updateCommunity(communityId: string, changes: CommunityChanges): Promise<CommunityView> {
  return api.patch<CommunityView>(`/api/communities/${encodeURIComponent(communityId)}`, changes);
}
