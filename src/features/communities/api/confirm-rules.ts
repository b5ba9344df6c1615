import { api } from '@/lib/request';

/** A newcomer has read the goal and rules; 首页 stops asking. */
export async function confirmRules(communityId: string): Promise<void> {
  await api.post(`/api/communities/${encodeURIComponent(communityId)}/rules-confirmation`);
}
