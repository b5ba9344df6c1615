import type { PromotionBoardView } from '@/domain/contract/promotions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getPromotionBoard(communityId: string): Promise<PromotionBoardView> {
  return api.get(`/api/communities/${encodeURIComponent(communityId)}/promotion-board`);
}

/** Also for 首页: the promotions shown during the slot running now. */
export function usePromotionBoard(communityId: string | null) {
  return useQuery(communityId ? `promotion-board:${communityId}` : null, () =>
    getPromotionBoard(communityId!),
  );
}
