import type { PromotionRulesInput, PromotionRulesView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function updatePromotionRules(
  communityId: string,
  input: PromotionRulesInput,
): Promise<PromotionRulesView> {
  return api.put(`/api/communities/${encodeURIComponent(communityId)}/promotion-rules`, input);
}
