import type { PromotionRequestInput, PromotionRequestView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function updatePromotionRequest(
  requestId: string,
  changes: Partial<Omit<PromotionRequestInput, 'link' | 'imageUploadId'>> & {
    link?: string | null;
    /** null removes the picture. */
    imageUploadId?: string | null;
  },
): Promise<PromotionRequestView> {
  return api.patch(`/api/promotion-requests/${encodeURIComponent(requestId)}`, changes);
}
