import type { PromotionRequestInput, PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function createPromotionRequest(
  communityId: string,
  input: PromotionRequestInput,
): Promise<PromotionRequestView> {
  return api.post(`/api/communities/${encodeURIComponent(communityId)}/promotion-requests`, input);
}
