import { api } from '@/lib/request';

export async function leaveCommunity(communityId: string): Promise<void> {
  await api.post(`/api/communities/${encodeURIComponent(communityId)}/leave`);
}
