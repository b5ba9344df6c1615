import type { WelcomeDigestView } from '@/domain/contract/dashboard';
import type { WelcomePeriod } from '@/domain/welcome-digest';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getWelcomeDigest(communityId: string, period: WelcomePeriod): Promise<WelcomeDigestView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/welcome-digest?period=${period}`);
}

export function useWelcomeDigest(communityId: string | null, period: WelcomePeriod) {
  return useQuery(communityId ? `welcome-digest:${communityId}:${period}` : null, () =>
    getWelcomeDigest(communityId!, period),
  );
}
