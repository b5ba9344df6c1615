import type { LatestWeeklyDigestView } from '@/domain/contract/weekly-digest';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getLatestWeeklyDigest(communityId: string): Promise<LatestWeeklyDigestView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/weekly-digests/latest`);
}

export function useLatestWeeklyDigest(communityId: string | null) {
  return useQuery(communityId ? `weekly-digest-latest:${communityId}` : null, () =>
    getLatestWeeklyDigest(communityId!),
  );
}
