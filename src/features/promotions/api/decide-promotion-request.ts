import type { PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

/** The version is the one on screen: if the author edited since, the server answers 409 PROMOTION_CHANGED. */
type Reviewed = Pick<PromotionRequestView, 'id' | 'version'>;

export function approvePromotionRequest({ id, version }: Reviewed): Promise<PromotionRequestView> {
  return api.post(`/api/promotion-requests/${encodeURIComponent(id)}/approve`, { version });
}

export function rejectPromotionRequest(
  { id, version }: Reviewed,
  reason: string,
): Promise<PromotionRequestView> {
  return api.post(`/api/promotion-requests/${encodeURIComponent(id)}/reject`, { reason, version });
}
