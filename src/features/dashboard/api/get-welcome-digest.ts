import type { WelcomeDigestView } from '@/domain/contract/dashboard';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getWelcomeDigest(communityId: string): Promise<WelcomeDigestView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/welcome-digest`);
}

export function useWelcomeDigest(communityId: string | null) {
  return useQuery(communityId ? `welcome-digest:${communityId}` : null, () => getWelcomeDigest(communityId!));
}
