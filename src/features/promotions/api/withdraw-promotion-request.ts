import type { PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function withdrawPromotionRequest(requestId: string): Promise<PromotionRequestView> {
  return api.post(`/api/promotion-requests/${encodeURIComponent(requestId)}/withdraw`);
}
