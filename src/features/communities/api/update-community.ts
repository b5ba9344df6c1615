import type { CommunityInput, CommunityView } from '@/domain/api-types';
import { api } from '@/lib/request';

export function updateCommunity(
  communityId: string,
  changes: Partial<CommunityInput>,
): Promise<CommunityView> {
  return api.patch<CommunityView>(`/api/communities/${encodeURIComponent(communityId)}`, changes);
}
