import type { TipCardView } from '@/domain/contract/tips';
import type { TipStatus } from '@/domain/tips';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getManagedTips(communityId: string, status: TipStatus): Promise<TipCardView[]> {
  return api.get<TipCardView[]>(
    `/api/communities/${encodeURIComponent(communityId)}/tips/manage?status=${status}`,
  );
}

export function useManagedTips(communityId: string | null, status: TipStatus) {
  return useQuery(communityId ? `managed-tips:${communityId}:${status}` : null, () =>
    getManagedTips(communityId!, status),
  );
}
