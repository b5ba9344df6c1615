import type { PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getMyPromotionRequests(communityId: string): Promise<PromotionRequestView[]> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-requests/mine`);
}

export function useMyPromotionRequests(communityId: string | null) {
  return useQuery(communityId ? `my-promotion-requests:${communityId}` : null, () =>
    getMyPromotionRequests(communityId!),
  );
}
