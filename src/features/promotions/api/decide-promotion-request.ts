import type { PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function approvePromotionRequest(requestId: string): Promise<PromotionRequestView> {
  return api.post(`/api/promotion-requests/${encodeURIComponent(requestId)}/approve`);
}

export function rejectPromotionRequest(requestId: string, reason: string): Promise<PromotionRequestView> {
  return api.post(`/api/promotion-requests/${encodeURIComponent(requestId)}/reject`, { reason });
}
