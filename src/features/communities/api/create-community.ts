import type { CommunityInput, CommunityView } from '@/domain/api-types';
import { api } from '@/lib/request';

/** Creates a community with me as its 群主. */
export function createCommunity(input: CommunityInput): Promise<CommunityView> {
  return api.post<CommunityView>('/api/communities', input);
}
