import type { PromotionSlotView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getPromotionSlots(communityId: string): Promise<PromotionSlotView[]> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-slots`);
}

export function usePromotionSlots(communityId: string | null) {
  return useQuery(communityId ? `promotion-slots:${communityId}` : null, () =>
    getPromotionSlots(communityId!),
  );
}
