import type { ExtraSlotInput, PromotionSlotView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';

export function addExtraSlot(communityId: string, input: ExtraSlotInput): Promise<PromotionSlotView> {
  return api.post(`/api/communities/${encodeURIComponent(communityId)}/promotion-slots`, input);
}
