import type { PromotionRequestView } from '@/domain/contract/promotions';
import { pagePaths } from '@/domain/page-paths';

/** During its slot, my approved promotion is the tab's share card, to post into the group. */
export function shareCardForPromotion(promotion: PromotionRequestView | null): {
  title: string;
  path: string;
} {
  if (!promotion) return { title: '群友圈 · 推广时段', path: pagePaths.promotions };
  return { title: `【${promotion.category}】${promotion.title}`, path: pagePaths.promotions };
}
