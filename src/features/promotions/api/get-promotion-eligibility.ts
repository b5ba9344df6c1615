import type { PromotionEligibilityView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getPromotionEligibility(communityId: string): Promise<PromotionEligibilityView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-eligibility`);
}

export function usePromotionEligibility(communityId: string | null) {
  return useQuery(communityId ? `promotion-eligibility:${communityId}` : null, () =>
    getPromotionEligibility(communityId!),
  );
}
