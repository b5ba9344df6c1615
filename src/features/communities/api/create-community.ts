import type { CommunityInput, CommunityView } from '@/domain/contract/communities';
import { api } from '@/lib/request';

/** Creates a community with me as its 群主. */
export function createCommunity(input: CommunityInput): Promise<CommunityView> {
  return api.post<CommunityView>('/api/communities', input);
}
