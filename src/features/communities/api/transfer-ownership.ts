import type { CommunityView } from '@/domain/contract/communities';
import { api } from '@/lib/request';

/** Makes another member the 群主; the server makes me an 管理员. */
export function transferOwnership(communityId: string, userId: string): Promise<CommunityView> {
  return api.post<CommunityView>(`/api/communities/${encodeURIComponent(communityId)}/transfer-ownership`, {
    userId,
  });
}
