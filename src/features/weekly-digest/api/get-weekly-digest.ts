import type { WeeklyDigestReadView } from '@/domain/contract/weekly-digest';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export const weeklyDigestApiPath = (communityId: string, weekStart: string) =>
  `/api/communities/${encodeURIComponent(communityId)}/weekly-digests/${encodeURIComponent(weekStart)}`;

/** The week's digest, or none and why (an empty week, not shared yet). */
export function getWeeklyDigest(communityId: string, weekStart: string): Promise<WeeklyDigestReadView> {
  return api.get(weeklyDigestApiPath(communityId, weekStart));
}

export function useWeeklyDigest(communityId: string | null, weekStart: string) {
  return useQuery(communityId ? `weekly-digest:${communityId}:${weekStart}` : null, () =>
    getWeeklyDigest(communityId!, weekStart),
  );
}
