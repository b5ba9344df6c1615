import type { PromotionReviewItemView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getPromotionReview(communityId: string): Promise<PromotionReviewItemView[]> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-review`);
}

export function usePromotionReview(communityId: string | null) {
  return useQuery(communityId ? `promotion-review:${communityId}` : null, () =>
    getPromotionReview(communityId!),
  );
}
