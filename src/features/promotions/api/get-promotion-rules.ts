import type { PromotionRulesView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getPromotionRules(communityId: string): Promise<PromotionRulesView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-rules`);
}

export function usePromotionRules(communityId: string | null) {
  return useQuery(communityId ? `promotion-rules:${communityId}` : null, () =>
    getPromotionRules(communityId!),
  );
}
