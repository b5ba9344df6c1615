import type { PromotionSlotView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function closePromotionSlot(slotId: string): Promise<PromotionSlotView> {
  return api.post(`/api/promotion-slots/${encodeURIComponent(slotId)}/close`);
}
