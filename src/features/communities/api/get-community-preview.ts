import type { CommunityPreviewView } from '@/domain/contract/joining';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

/** What a share card shows before joining: name, goal, rules, size, and my pending request if any. */
export function getCommunityPreview(communityId: string, inviterId?: string): Promise<CommunityPreviewView> {
  const query = inviterId ? `?inviter=${encodeURIComponent(inviterId)}` : '';
  return api.get<CommunityPreviewView>(`/api/communities/${encodeURIComponent(communityId)}/preview${query}`);
}

export function useCommunityPreview(communityId: string, inviterId?: string) {
  return useQuery(`community-preview:${communityId}:${inviterId ?? ''}`, () =>
    getCommunityPreview(communityId, inviterId),
  );
}
