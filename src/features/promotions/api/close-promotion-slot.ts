import type { PromotionSlotView } from '@/domain/api-types';
import { api } from '@/lib/request';

export function closePromotionSlot(slotId: string): Promise<PromotionSlotView> {
  return api.post(`/api/promotion-slots/${encodeURIComponent(slotId)}/close`);
}
