import type { DashboardView } from '@/domain/contract/dashboard';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getDashboard(communityId: string): Promise<DashboardView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/dashboard`);
}

export function useDashboard(communityId: string | null) {
  return useQuery(communityId ? `dashboard:${communityId}` : null, () => getDashboard(communityId!));
}
